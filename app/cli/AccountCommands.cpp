// balance, send and tx: the wallet's account on the chain, every answer proven.
#include "app/cli/ChainCommands.h"
#include "app/cli/ChainOutput.h"
#include "app/cli/ChainSession.h"
#include "app/cli/SecretInput.h"
#include "core/codec/UInt256.h"

#include <QCommandLineParser>

namespace ls::cli {
namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }

} // namespace

int runBalanceCommand(const QStringList& arguments, const CommandContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Shows the balance and nonce of ADDRESS (default: this profile's wallet), proven\n"
        "against a block the light client verified."));
    parser.addPositionalArgument(QStringLiteral("address"), QStringLiteral("0x… (optional)"));
    if (auto exit = parseCommand(parser, arguments, "balance", 0, 1))
        return *exit;

    auto session = ChainSession::open(context);
    if (!session)
        return context.failWith(session.error());
    std::string address;
    if (parser.positionalArguments().isEmpty()) {
        auto own = (*session)->walletAddress();
        if (!own)
            return context.failWith(own.error());
        address = *own;
    } else {
        address = parser.positionalArguments().first().toStdString();
    }
    if (auto height = (*session)->update(); !height)
        return context.failWith(height.error());
    auto account = (*session)->wait<api::AccountInfo>(
        [&](auto done) { return (*session)->chain().account(address, std::move(done)); });
    if (!account)
        return context.failWith(account.error());

    context.answer(QStringLiteral("%1  %2  (nonce %3)\n%4")
                       .arg(q(account->address), output::pht(account->balance))
                       .arg(account->nonce)
                       .arg(output::proven(account->proof)),
        { { QStringLiteral("address"), q(account->address) },
            { QStringLiteral("balance"), q(account->balance) },
            { QStringLiteral("nonce"), static_cast<qint64>(account->nonce) },
            { QStringLiteral("proof"), output::provenJson(account->proof) } });
    return kExitOk;
}

int runSendCommand(const QStringList& arguments, const CommandContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Sends AMOUNT PHT (e.g. 12.5) from this profile's wallet to ADDRESS and waits until a\n"
        "verified block holds it. The fee is the network's minimum gas price, proven."));
    parser.addPositionalArgument(QStringLiteral("address"), QStringLiteral("recipient, 0x…"));
    parser.addPositionalArgument(QStringLiteral("amount"), QStringLiteral("PHT, e.g. 12.5"));
    const QCommandLineOption passphraseFile = passphraseFileOption();
    parser.addOption(passphraseFile);
    if (auto exit = parseCommand(parser, arguments, "send", 2, 2))
        return *exit;

    const QStringList positional = parser.positionalArguments();
    auto amount = codec::parseUnits(positional.at(1).toStdString());
    if (!amount)
        return context.failWith(
            { ErrorKind::InvalidInput, "The amount is not a number of PHT: " + amount.error().message });
    auto session = ChainSession::open(context);
    if (!session)
        return context.failWith(session.error());
    if (auto own = (*session)->walletAddress(); !own)
        return context.failWith(own.error());
    auto passphrase = SecretInput().read("Wallet passphrase: ",
        parser.isSet(passphraseFile) ? std::optional(parser.value(passphraseFile)) : std::nullopt);
    if (!passphrase)
        return context.failWith(passphrase.error());

    auto sent = (*session)->wait<api::TransactionConfirmation>([&](auto done) {
        return (*session)->market().send(positional.at(0).toStdString(),
            amount->toDecimalString(), std::move(*passphrase), (*session)->progressPrinter(),
            std::move(done));
    });
    if (!sent)
        return context.failWith(sent.error());
    context.answer(QStringLiteral("Sent %1 to %2.\n%3")
                       .arg(output::pht(amount->toDecimalString()), positional.at(0),
                           output::confirmationText(*sent)),
        output::confirmationJson(*sent));
    return kExitOk;
}

int runTxCommand(const QStringList& arguments, const CommandContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Shows whether transaction HASH is final: its receipt, proven in a verified block."));
    parser.addPositionalArgument(QStringLiteral("hash"), QStringLiteral("0x and 64 hex digits"));
    if (auto exit = parseCommand(parser, arguments, "tx", 1, 1))
        return *exit;
    auto session = ChainSession::open(context);
    if (!session)
        return context.failWith(session.error());
    auto confirmation = (*session)->wait<api::TransactionConfirmation>([&](auto done) {
        return (*session)->chain().confirm(
            parser.positionalArguments().first().toStdString(), std::move(done));
    });
    if (!confirmation)
        return context.failWith(confirmation.error());
    context.answer(output::confirmationText(*confirmation),
        output::confirmationJson(*confirmation));
    return kExitOk;
}

} // namespace ls::cli
