#pragma once

// For GUI tests that buy real content: an author profile on the network the app under test
// runs ("This computer"), funded by the app's wallet, whose swarm the app finds as it finds any
// profile on this machine; and the app's own purchases. Checks: QTest::currentTestFailed().
#include "app/gui/LocalPeers.h"
#include "core/market/ContentSession.h"

#include "tests/gui/GuiTestSupport.h"
#include "tests/market/ContentTestSupport.h"

namespace ls::testing {

template <typename T, typename Call> Result<T> awaitGui(Call call)
{
    return await<T>(std::move(call), kGuiWaitMs * 2);
}

// A new author on the app's network with its library open. The app's wallet got the network's
// funds at genesis: it sends the author 50 PHT for its fees.
inline std::unique_ptr<ContentUser> authorOnAppNetwork(AppUnderTest& subject)
{
    auto network
        = protocol::NetworkProfile::load(subject.app().localNetwork()->status().networkProfileFile);
    if (!network) {
        QTest::qFail("no network profile", __FILE__, __LINE__);
        return nullptr;
    }
    auto author = std::make_unique<ContentUser>(*network);
    auto sent = awaitGui<api::TransactionConfirmation>([&](auto done) {
        return subject.app().market()->send(
            author->address, baseUnits("50"), secret(kGuiPassphrase), nullptr, done);
    });
    if (!sent || !sent->succeeded) {
        QTest::qFail(sent ? "the funding transfer reverted" : sent.error().message.c_str(),
            __FILE__, __LINE__);
        return nullptr;
    }
    if (auto opened = author->open(); !opened) {
        QTest::qFail(opened.error().message.c_str(), __FILE__, __LINE__);
        return nullptr;
    }
    return author;
}

// The author's swarm is another profile on this machine: it says where it listens in the
// profiles' peer directory, as a running app does (gui::LocalPeers), and the app finds it there.
inline void announcePeer(AppUnderTest& subject, const ContentUser& author)
{
    const auto peers = gui::LocalPeers::directoryFor(subject.profileDirectory().parent_path());
    std::filesystem::create_directories(peers);
    const std::string address = author.peerAddress() + "\n";
    QVERIFY(writeBytes(peers / "author.peer", asBytes(std::string_view(address))));
}

// Buys a title with the app's wallet (what Discover's Buy does).
inline void buyWithApp(AppUnderTest& subject, std::uint64_t titleId)
{
    auto bought = awaitGui<api::Purchase>([&](auto done) {
        return subject.app().market()->buy(titleId, secret(kGuiPassphrase), nullptr, done);
    });
    QVERIFY2(bought, bought ? "" : bought.error().message.c_str());
}

} // namespace ls::testing
