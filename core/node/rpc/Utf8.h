#pragma once

#include <QByteArrayView>

namespace ls::node::rpc {

// True when `bytes` is well-formed UTF-8 (Unicode table 3-7: no overlong forms, no surrogates,
// nothing above U+10FFFF). RFC 6455 requires text messages and close reasons to be valid.
bool isValidUtf8(QByteArrayView bytes);

} // namespace ls::node::rpc
