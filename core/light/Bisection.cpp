#include "core/light/Bisection.h"

#include "core/light/Verifier.h"

#include <string>

namespace ls::light {

Bisection::Bisection(TrustedState start, std::uint64_t target)
    : m_trusted(std::move(start))
    , m_target(target)
{
    if (target > m_trusted.height())
        m_pending.push_back(target);
}

std::optional<std::uint64_t> Bisection::wanted() const
{
    if (m_failed || m_pending.empty())
        return std::nullopt;
    return m_pending.back();
}

VerifyResult<std::vector<VerifiedStep>> Bisection::supply(protocol::LightBlock block)
{
    const auto expected = wanted();
    if (!expected) {
        m_failed = true;
        return refuse(VerifyFailure::WrongHeight, "No block was asked for: the walk is over.");
    }
    if (block.header.height != *expected) {
        m_failed = true;
        return refuse(VerifyFailure::WrongHeight,
            "Asked for the block at height " + std::to_string(*expected)
                + ", but the server sent the one at height " + std::to_string(block.header.height)
                + ".");
    }
    ++m_fetches;
    m_fetched.insert_or_assign(*expected, std::move(block));

    std::vector<VerifiedStep> steps;
    while (!m_pending.empty()) {
        const std::uint64_t height = m_pending.back();
        auto found = m_fetched.find(height);
        if (found == m_fetched.end())
            break; // wanted() now names it
        auto verified = verifyForward(m_trusted, found->second);
        if (verified) {
            steps.push_back({ *verified, m_trusted.height() });
            m_trusted = std::move(*verified);
            m_fetched.erase(found);
            m_pending.pop_back();
            continue;
        }
        if (!verified.error().needsBisection()) {
            m_failed = true;
            return std::unexpected(verified.error());
        }
        // NeedsBisection only comes from skipping, so height ≥ trusted + 2 and the pivot lies
        // strictly between them.
        const std::uint64_t low = m_trusted.height();
        m_pending.push_back(low + (height - low) / 2);
    }
    return steps;
}

} // namespace ls::light
