#include "core/light/ProofChecks.h"

#include "core/codec/Hex.h"
#include "core/protocol/MerkleList.h"

#include <string>

namespace ls::light {
namespace {

std::unexpected<Error> proofMismatch(
    std::string_view what, std::string_view root, std::uint64_t height, const std::string& detail)
{
    return fail(ErrorKind::Verification,
        "The server's " + std::string(what) + " proof does not match the verified "
            + std::string(root) + " at height " + std::to_string(height) + ": " + detail);
}

} // namespace

Result<std::optional<Bytes>> checkStateProof(
    const TrustedState& at, const StateKey& key, const StateProofInfo& info, std::string_view what)
{
    if (info.height != at.height())
        return fail(ErrorKind::Verification,
            "The server's " + std::string(what) + " proof is for height "
                + std::to_string(info.height) + ", not for the verified height "
                + std::to_string(at.height()) + ".");
    const Hash256 path = key.path();
    const Hash256& root = at.header().stateRoot;
    if (info.value) {
        if (auto ok = info.proof.verifyInclusion(root, path, *info.value); !ok)
            return proofMismatch(what, "state root", at.height(), ok.error().message);
        return info.value;
    }
    if (auto ok = info.proof.verifyNonInclusion(root, path); !ok)
        return proofMismatch(what, "state root", at.height(), ok.error().message);
    return std::optional<Bytes> {};
}

Result<ConfirmedTransaction> checkReceiptProof(
    const TrustedState& at, const Hash256& txHash, const ReceiptProofInfo& info)
{
    if (info.height != at.height())
        return fail(ErrorKind::Verification,
            "The server's receipt proof is for height " + std::to_string(info.height)
                + ", checked against the verified block at height " + std::to_string(at.height())
                + ".");
    if (info.receipt.txHash != txHash)
        return fail(ErrorKind::Verification,
            "The server answered with the receipt of transaction "
                + codec::toHex(info.receipt.txHash, true) + " when asked for "
                + codec::toHex(txHash, true) + ".");
    if (auto ok
        = protocol::MerkleList::verify(at.header().receiptsRoot, info.receiptEncoding, info.proof);
        !ok)
        return proofMismatch("receipt", "receipts root", at.height(), ok.error().message);
    return ConfirmedTransaction { info.receipt, at.height(), info.index, at.hash(),
        at.header().timeMs };
}

} // namespace ls::light
