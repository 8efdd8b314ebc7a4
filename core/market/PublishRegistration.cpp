#include "core/market/PublishRegistration.h"

#include <utility>

namespace ls::market {
namespace {

std::string titleName(std::uint64_t titleId)
{
    return "title " + std::to_string(titleId);
}

} // namespace

PublishRegistration::PublishRegistration(api::Chain& chain, api::Market& market, std::string author)
    : m_chain(chain)
    , m_market(market)
    , m_author(std::move(author))
{
}

void PublishRegistration::cancel()
{
    m_read.reset();
    m_transaction.reset();
}

void PublishRegistration::registerTitle(const PublishJob& job,
    const crypto::SecretBytes& passphrase, TitleCountKnown beforeSending, TxProgress sent,
    std::function<void(Result<std::uint64_t>)> done)
{
    api::NewTitleRecord record { job.request.price, job.request.metadata.subject,
        job.metadataInfohash, job.keyCommitment };
    const bool maybeSent = !job.titleTxHash.empty();
    const std::uint64_t countBefore = job.titleCountBefore;
    m_read = m_chain.update([this, record, maybeSent, countBefore, passphrase, beforeSending, sent,
                                done](Result<std::uint64_t> height) {
        if (!height)
            return done(std::unexpected(height.error()));
        m_read
            = m_chain.parameters([this, record, maybeSent, countBefore, passphrase, beforeSending,
                                     sent, done](Result<api::NetworkParameters> network) {
                  if (!network)
                      return done(std::unexpected(network.error()));
                  auto send = [this, record, passphrase, beforeSending, sent, done,
                                  count = network->titleCount] {
                      beforeSending(count);
                      m_transaction = m_market.publishRecord(
                          record, passphrase, sent, [done](Result<api::PublishedTitle> published) {
                              if (!published)
                                  return done(std::unexpected(published.error()));
                              done(published->titleId);
                          });
                  };
                  if (!maybeSent || network->titleCount <= countBefore)
                      return send();
                  scanTitles(countBefore + 1, network->titleCount, record.keyCommitment,
                      [send, done](Result<std::optional<std::uint64_t>> found) {
                          if (!found)
                              return done(std::unexpected(found.error()));
                          if (*found)
                              return done(**found);
                          send();
                      });
              });
    });
}

void PublishRegistration::scanTitles(std::uint64_t next, std::uint64_t last, std::string commitment,
    std::function<void(Result<std::optional<std::uint64_t>>)> done)
{
    if (next > last)
        return done(std::optional<std::uint64_t> {});
    m_read = m_chain.title(
        next, [this, next, last, commitment, done](Result<std::optional<api::TitleInfo>> title) {
            if (!title)
                return done(std::unexpected(title.error()));
            if (*title && (*title)->author == m_author && (*title)->keyCommitment == commitment)
                return done(std::optional<std::uint64_t>(next));
            scanTitles(next + 1, last, commitment, done);
        });
}

void PublishRegistration::readVersion(
    std::uint64_t titleId, std::uint32_t number, std::function<void(Result<api::VersionInfo>)> done)
{
    m_read = m_chain.version(
        titleId, number, [titleId, number, done](Result<std::optional<api::VersionInfo>> version) {
            if (!version)
                return done(std::unexpected(version.error()));
            if (!*version)
                return done(fail(ErrorKind::Verification,
                    "Version " + std::to_string(number) + " of " + titleName(titleId)
                        + " was added, but the chain proves no such version"));
            done(std::move(**version));
        });
}

void PublishRegistration::registerVersion(const PublishJob& job,
    const crypto::SecretBytes& passphrase, TxProgress sent,
    std::function<void(Result<api::VersionInfo>)> done)
{
    const std::uint64_t titleId = job.titleId;
    const std::uint32_t number = job.version;
    api::NewVersionRecord record { titleId, job.contentInfohash, job.containerSize,
        job.request.note };
    auto conflict = [titleId, number] {
        return fail(ErrorKind::InvalidInput,
            "Version " + std::to_string(number) + " of " + titleName(titleId)
                + " was added meanwhile with other content, so this container (made for version "
                + std::to_string(number) + ") cannot be added; add the file as a new version");
    };
    m_read = m_chain.update(
        [this, record, number, passphrase, sent, done, conflict](Result<std::uint64_t> height) {
            if (!height)
                return done(std::unexpected(height.error()));
            m_read = m_chain.title(record.titleId,
                [this, record, number, passphrase, sent, done, conflict](
                    Result<std::optional<api::TitleInfo>> title) {
                    if (!title)
                        return done(std::unexpected(title.error()));
                    if (!*title)
                        return done(fail(ErrorKind::NotFound,
                            "There is no " + titleName(record.titleId) + " (proven absent)"));
                    if ((*title)->versionCount >= number) {
                        // Made by an earlier run, or by someone else: the infohash tells.
                        return readVersion(record.titleId, number,
                            [record, done, conflict](Result<api::VersionInfo> version) {
                                if (version && version->contentInfohash != record.contentInfohash)
                                    return done(conflict());
                                done(std::move(version));
                            });
                    }
                    if ((*title)->versionCount + 1 != number)
                        return done(conflict());
                    m_transaction = m_market.addVersionRecord(record, passphrase, sent,
                        [this, record, number, done, conflict](Result<api::AddedVersion> added) {
                            if (!added)
                                return done(std::unexpected(added.error()));
                            if (added->number != number)
                                return done(conflict());
                            readVersion(record.titleId, number, done);
                        });
                });
        });
}

} // namespace ls::market
