#include "core/node/execution/AccountState.h"

#include "core/codec/RlpEncoder.h"
#include "core/protocol/RlpFields.h"

namespace ls::node {

Bytes AccountState::encode() const
{
    codec::RlpEncoder rlp;
    rlp.beginList();
    rlp.addUInt(nonce);
    rlp.addUInt(balance);
    rlp.endList();
    return rlp.finish();
}

Result<AccountState> AccountState::decode(ByteView encoded)
{
    auto fields = protocol::RlpFields::decode(encoded, "account entry", { "nonce", "balance" });
    if (!fields)
        return std::unexpected(std::move(fields.error()));
    AccountState account;
    LS_PROTOCOL_ASSIGN_OR_RETURN(account.nonce, fields->u64(0));
    LS_PROTOCOL_ASSIGN_OR_RETURN(account.balance, fields->u256(1));
    return account;
}

} // namespace ls::node
