#pragma once

#include "core/api/Studio.h"
#include "core/library/TitleKeys.h"
#include "core/market/ContentServices.h"
#include "core/market/PublishJob.h"
#include "core/market/PublishRegistration.h"

#include <functional>
#include <memory>
#include <optional>
#include <stop_token>

namespace ls::market {

// Where a publication may be stopped on purpose, as if the process died right there: a test
// seam for the resumption tests, never set by the app.
struct PublishInterruption {
    enum class Moment {
        AfterStage, // right after the job file recorded `job.stage`
        TransactionAccepted, // a Catalog transaction was accepted by the node, result unknown
        Encrypting, // while the container is being written
    };
    std::function<bool(Moment, const PublishJob&)> stopAt;
};

// One publication from wherever its job file says it stands to the end (DESIGN.md §4):
//
//   new title:  title key (sealed to our own box key in the job) and metadata torrent
//               → Catalog.publish (title id) → title and key into the library
//   every job:  encrypt the file as version N into content/ (staging name, renamed when done)
//               → its torrent → Catalog.addVersion → version and complete download in the
//               library → seed the metadata and content torrents → the job file goes
//
// The container's header names the title id and version, so the title record comes before the
// container. Every step that must not run twice is followed by a save of the job file; the
// chain steps look for an earlier run's records first (PublishRegistration).
//
// Lives on the owner thread; encrypting and hashing run on the worker pool.
class PublishWorkflow {
public:
    using Done = std::function<void(Result<api::PublishedVersion>)>;

    // A new title's job from a user's request: checks the file, price, subject, note and
    // metadata (cover included) before anything is made. Not saved yet.
    static Result<PublishJob> newTitleJob(api::PublishRequest request);

    enum class Origin {
        NewTitle, // a job from newTitleJob, not saved yet: starts by preparing the title
        NewVersion, // a saved job for a title's next version (version 0: chosen from the chain)
        Resumed, // a job an earlier run left unfinished
    };

    PublishWorkflow(ContentServices& services, PublishJob job, Origin origin,
        crypto::SecretBytes passphrase, api::Studio::Progress progress, Done done,
        PublishInterruption interruption = {});
    ~PublishWorkflow();

    void start();
    // Stops at once; the job file stays, so resuming continues from the last saved stage.
    void cancel();
    const PublishJob& job() const { return m_job; }

private:
    void advance();
    void prepare();
    void registerTitle();
    void chooseVersion();
    void encrypt();
    void hash();
    void registerVersion();
    void seed();

    Result<void> loadTitleKey();
    void saveStage(PublishJob::Stage stage);
    bool interrupted(PublishInterruption::Moment moment);
    api::Market::Progress transactionProgress(std::string PublishJob::*hashField);
    void report(api::PublishStage stage, std::uint64_t done = 0, std::uint64_t total = 0,
        std::string txHash = {});
    void finish(Result<api::PublishedVersion> result);

    ContentServices& m_services;
    PublishJob m_job;
    bool m_fresh;
    bool m_resumed;
    crypto::SecretBytes m_passphrase;
    api::Studio::Progress m_progress;
    Done m_done;
    PublishInterruption m_interruption;
    PublishRegistration m_registration;
    api::Chain::Handle m_read;
    std::optional<library::TitleKey> m_titleKey;
    std::stop_source m_stop;
    std::shared_ptr<int> m_alive = std::make_shared<int>(0);
    bool m_finished = false;
};

} // namespace ls::market
