#pragma once

// Known-answer transactions shared by tst_transaction and tst_transaction_rejects, and helpers
// that derive malformed variants from them one field at a time.
#include "tests/chain/ProtocolTestSupport.h"
#include <string_view>

namespace ls::testing {

// EIP-155's own example (ethereum/EIPs, EIPS/eip-155.md, "Example"): key 0x46…46, nonce 9,
// gasPrice 20 gwei, gas 21000, to 0x35…35, value 1 ether, chain id 1.
inline constexpr std::string_view kEip155Raw
    = "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a0"
      "28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb70330"
      "4b3800ccf555c9f3dc64214b297fb1966a3b6d83";
inline constexpr std::string_view kEip155SigningHash
    = "0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53";
inline constexpr std::string_view kEip155Sender = "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F";

// The ethers.js vectors below were made with ethers 6.17.0 (node 20):
//   const w = new Wallet(KEY); const tx = Transaction.from({...fields});
//   tx.signature = w.signingKey.sign(tx.unsignedHash);
//   print(tx.serialized, tx.unsignedHash, tx.hash, tx.from)
// KEY for all of them is 0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318,
// whose address ethers gives as 0x2c7536E3605D9C16a7a3D7b1898e529396a65c23.
inline constexpr std::string_view kEthersKey
    = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
inline constexpr std::string_view kEthersSender = "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23";

struct EthersVector {
    const char* name;
    std::string_view raw;
    std::string_view signingHash; // ethers' unsignedHash
    std::string_view hash; // ethers' tx.hash
};

inline const EthersVector kEthersVectors[] = {
    // {type:2, chainId:1, nonce:0, maxPriorityFeePerGas:1 gwei, maxFeePerGas:30 gwei,
    //  gasLimit:21000, to:0x35…35, value:1 ether, data:"0x"}
    { "type2 chain 1 transfer",
        "0x02f8730180843b9aca008506fc23ac00825208943535353535353535353535353535353535353535880de0"
        "b6b3a764000080c080a01ac617493a356fbc25da9ce8543853795e90db26c5668b12db02de854d232893a046"
        "e6443a7e9df04dc30fd0790601b9d3a51e94847dfc18a85e2a0bdc717f5a72",
        "0xe413dfa9f277bc0d962303310254da581eec1f58296d2af26f4367c303893395",
        "0x59b3bb31dac5cb7d5a4e6d02cc9725893a1d0c4d0bfc3c785ed4459787f6a7ca" },
    // {type:2, chainId:16180, nonce:7, maxPriorityFeePerGas:1.5 gwei, maxFeePerGas:2.5 gwei,
    //  gasLimit:200000, to:0x…0ca7a1, value:0, data: transfer(0x35…35, 1000) calldata}
    { "type2 chain 16180 calldata",
        "0x02f8b2823f34078459682f00849502f90083030d409400000000000000000000000000000000000ca7a180"
        "b844a9059cbb0000000000000000000000003535353535353535353535353535353535353535000000000000"
        "00000000000000000000000000000000000000000000000003e8c001a06fb86cc95be261ab7fe060a4fc3b88"
        "91b97b8fee34bf7146ae78b3e4c052a1eba05ebf25ee386cb7a40da60b3bd540f4ce39acff9482df4c078e6c"
        "a8b99f86b6dd",
        "0x963bf5b8a23b8118c10def9ae0d444b5bef6fdd28aa873bf36a6930037bff69d",
        "0x718c6fb28719af1d4a2f880f4e80530956f9d8e64373e53a035ea7c771da9228" },
    // {type:0, chainId:16180, nonce:300, gasPrice:1 gwei, gasLimit:100000, to:0x…0ca7a1,
    //  value:5, data:"0x00ff00"} — v = 16180·2 + 35 + 1 = 32396
    { "legacy chain 16180 calldata",
        "0xf86b82012c843b9aca00830186a09400000000000000000000000000000000000ca7a1058300ff00827e8c"
        "a0772462dd10492b0c3520ceb232bba385edc9efcbfd0a2bd0924196bcdaaef8daa065e3a50ffa071766bd57"
        "5929715235cc399d92c56f3aeaf1a0728750717693fc",
        "0x96f7c3d0fe78246d38f9d7519e213d8604b2ad565239addc97fcdab2d60aff34",
        "0x9547e78915db1fd5dcecd036a27587c75db045c33d827ef75e0f43242b713e6b" },
    // {type:2, chainId:16180, nonce:117, maxPriorityFeePerGas:1, maxFeePerGas:1 gwei,
    //  gasLimit:21000, to:0x35…35, value:12345} — the first nonce whose r has a leading zero
    //  byte, so r is a 31-byte RLP integer.
    { "type2 short r",
        "0x02f869823f347501843b9aca0082520894353535353535353535353535353535353535353582303980c080"
        "9ff2fbcfc143d54caace9f0363b828d8d4b043e9d35d801e0b13f6dea298d889a028af9e4efeb85c39ba9d18"
        "c85dd3225dcc0d34ca7946ce87669bd3659bd01ac1",
        "0x683507d9376b970600fce0e09724a5650bf40faee9c5766009f5016c995dc23e",
        "0xd98b7c4bc359a0befff2ceac77df1134602320e1a5de4647246d1aa0c7be6bdc" },
};

// The typed payload of a type 2 transaction (without the type byte), and back.
inline Bytes payloadOf(ByteView raw)
{
    return Bytes(raw.begin() + 1, raw.end());
}
inline Bytes typed(std::uint8_t type, const Bytes& payload)
{
    Bytes out { type };
    out.insert(out.end(), payload.begin(), payload.end());
    return out;
}

inline Bytes eip155WithField(std::size_t index, const Bytes& field)
{
    return withField(hex(kEip155Raw), index, field);
}

inline Bytes type2WithField(std::size_t index, const Bytes& field)
{
    return typed(0x02, withField(payloadOf(hex(kEthersVectors[1].raw)), index, field));
}

} // namespace ls::testing
