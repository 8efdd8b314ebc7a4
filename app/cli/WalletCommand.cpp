#include "app/cli/WalletCommand.h"

#include "app/cli/SecretInput.h"
#include "core/wallet/KeystoreWallet.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace ls::cli {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("wallet", text);
}

std::optional<QString> optionalValue(const QCommandLineParser& parser, const QCommandLineOption& option)
{
    return parser.isSet(option) ? std::optional<QString>(parser.value(option)) : std::nullopt;
}

QString toQString(const crypto::SecretBytes& secret)
{
    return QString::fromUtf8(reinterpret_cast<const char*>(secret.data()),
                             static_cast<qsizetype>(secret.size()));
}

} // namespace

int runWalletCommand(const QStringList& arguments, const CommandContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Manage the profile's wallet: an encrypted key file holding a BIP-39 recovery phrase\n"
        "(account m/44'/60'/0'/0/0, the address MetaMask shows for the same phrase).\n\n"
        "Actions:\n"
        "  new         create a wallet with a fresh recovery phrase and print it once\n"
        "  import      restore from a recovery phrase (or --private-key) read from stdin\n"
        "  address     print the wallet's address (no passphrase needed)\n"
        "  phrase      print the recovery phrase after checking the passphrase\n"
        "  passphrase  change the passphrase\n\n"
        "Secrets are read from the terminal with echo off, or line by line from standard input\n"
        "when it is a pipe (import: phrase first, then passphrase), or from the files named by\n"
        "--passphrase-file / --new-passphrase-file. They are never taken as arguments."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("action"), tr("new, import, address, phrase or passphrase"));
    QCommandLineOption wordsOption(QStringLiteral("words"), tr("Words in a new phrase: 12 or 24."),
                                   QStringLiteral("N"), QStringLiteral("12"));
    QCommandLineOption privateKeyOption(QStringLiteral("private-key"),
                                        tr("import: read a raw private key (hex) instead of a phrase."));
    QCommandLineOption lightOption(QStringLiteral("light-kdf"),
                                   tr("Protect the key file with 64 MiB Argon2id instead of 256 MiB "
                                      "(for small machines; easier to guess)."));
    QCommandLineOption passphraseFileOption(QStringLiteral("passphrase-file"),
                                            tr("Read the (current) passphrase from FILE's first line."),
                                            QStringLiteral("FILE"));
    QCommandLineOption newPassphraseFileOption(QStringLiteral("new-passphrase-file"),
                                               tr("passphrase: read the new passphrase from FILE."),
                                               QStringLiteral("FILE"));
    parser.addOptions({wordsOption, privateKeyOption, lightOption, passphraseFileOption,
                       newPassphraseFileOption});

    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "lightstreams-cli wallet: %s\n", qPrintable(parser.errorText()));
        return kExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return kExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        std::fputs(qPrintable(parser.helpText()), stderr);
        return kExitUsage;
    }

    const QString action = positional.first();
    wallet::KeystoreWallet wallet(context.profile.keystoreFile());
    SecretInput input;
    auto strength = parser.isSet(lightOption) ? api::KeyFileStrength::Light
                                              : api::KeyFileStrength::Standard;
    auto passphraseFile = optionalValue(parser, passphraseFileOption);

    if (action == QLatin1String("address")) {
        auto address = wallet.address();
        if (!address)
            return context.failWith({ErrorKind::NotFound,
                                     "Profile '" + context.profile.name()
                                         + "' has no wallet yet: run `lightstreams-cli wallet new`"});
        auto text = QString::fromStdString(*address);
        context.answer(text, {{QStringLiteral("address"), text}});
        return kExitOk;
    }

    if (action == QLatin1String("new")) {
        bool numeric = false;
        int words = parser.value(wordsOption).toInt(&numeric);
        if (!numeric)
            return context.failWith({ErrorKind::InvalidInput, "--words takes 12 or 24"});
        auto passphrase = input.readNew("Passphrase for the new wallet: ", passphraseFile);
        if (!passphrase)
            return context.failWith(passphrase.error());
        auto created = wallet.create(passphrase->asText(), words, strength);
        if (!created)
            return context.failWith(created.error());
        auto address = QString::fromStdString(created->address);
        auto phrase = toQString(created->phrase);
        context.answer(tr("Address: %1\n\nRecovery phrase — write it down and keep it offline; "
                          "it is the only way to restore this wallet:\n\n  %2\n")
                           .arg(address, phrase),
                       {{QStringLiteral("address"), address}, {QStringLiteral("phrase"), phrase}});
        return kExitOk;
    }

    if (action == QLatin1String("import")) {
        bool rawKey = parser.isSet(privateKeyOption);
        auto secret = input.read(rawKey ? "Private key (hex): " : "Recovery phrase: ");
        if (!secret)
            return context.failWith(secret.error());
        auto passphrase = input.readNew("Passphrase for the key file: ", passphraseFile);
        if (!passphrase)
            return context.failWith(passphrase.error());
        auto address = rawKey ? wallet.importPrivateKey(secret->asText(), passphrase->asText(), strength)
                              : wallet.importPhrase(secret->asText(), passphrase->asText(), strength);
        if (!address)
            return context.failWith(address.error());
        auto text = QString::fromStdString(*address);
        context.answer(tr("Imported. Address: %1").arg(text), {{QStringLiteral("address"), text}});
        return kExitOk;
    }

    if (action == QLatin1String("phrase")) {
        auto passphrase = input.read("Passphrase: ", passphraseFile);
        if (!passphrase)
            return context.failWith(passphrase.error());
        auto phrase = wallet.revealPhrase(passphrase->asText());
        if (!phrase)
            return context.failWith(phrase.error());
        auto text = toQString(*phrase);
        context.answer(text, {{QStringLiteral("phrase"), text}});
        return kExitOk;
    }

    if (action == QLatin1String("passphrase")) {
        auto current = input.read("Current passphrase: ", passphraseFile);
        if (!current)
            return context.failWith(current.error());
        auto replacement = input.readNew("New passphrase: ", optionalValue(parser, newPassphraseFileOption));
        if (!replacement)
            return context.failWith(replacement.error());
        if (auto changed = wallet.changePassphrase(current->asText(), replacement->asText()); !changed)
            return context.failWith(changed.error());
        context.answer(tr("Passphrase changed."), {{QStringLiteral("changed"), true}});
        return kExitOk;
    }

    std::fprintf(stderr, "lightstreams-cli wallet: unknown action '%s' (see --help)\n",
                 qPrintable(action));
    return kExitUsage;
}

} // namespace ls::cli
