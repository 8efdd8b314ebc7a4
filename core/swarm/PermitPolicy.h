#pragma once

#include "core/crypto/Address.h"
#include "core/swarm/PermitHub.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <functional>

namespace ls::swarm {

// Who may receive a permissioned torrent, and the title key sealed for them: the swarm asks,
// core/market answers from the chain (author, licence holder) and the library (the key).
// Called on the swarm's owner thread; answers may come later, on that thread.
class PermitPolicy {
public:
    virtual ~PermitPolicy() = default;

    virtual void authorize(const Hash256& infohash, const crypto::Address& peer,
        std::function<void(PermitDecision)> done)
        = 0;
    // The title key of the torrent's title sealed to the box key in `peer`'s licence; an
    // error (shown to the peer) when we do not hold it or `peer` has no licence.
    virtual void sealTitleKey(const Hash256& infohash, const crypto::Address& peer,
        std::function<void(Result<FixedBytes<80>>)> done)
        = 0;
};

} // namespace ls::swarm
