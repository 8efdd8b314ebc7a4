#pragma once

#include <chrono>
#include <string>

namespace ls::localnet {

// Whether something accepts TCP connections at `url` (http://HOST:PORT): how an app tells that
// the node another app announced in node.endpoint still runs. On 127.0.0.1 the answer comes at
// once (accepted or refused); `timeout` only guards a wedged machine.
bool endpointAnswers(const std::string& url, std::chrono::milliseconds timeout);

} // namespace ls::localnet
