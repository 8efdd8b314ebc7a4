// The JSON side of Keystore: writing and strictly reading the key file document.
#include "core/crypto/Keystore.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QString>

#include <cmath>
#include <optional>
#include <string>

namespace ls::crypto {
namespace {

constexpr std::string_view kKdfName = "argon2id";
constexpr std::string_view kCipherName = "xchacha20poly1305";
constexpr std::string_view kKindMnemonic = "mnemonic";
constexpr std::string_view kKindPrivateKey = "private-key";

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QString toHex(ByteView bytes)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    QString out;
    out.reserve(static_cast<qsizetype>(bytes.size() * 2));
    for (auto byte : bytes) {
        out.append(QLatin1Char(kDigits[byte >> 4]));
        out.append(QLatin1Char(kDigits[byte & 0x0f]));
    }
    return out;
}

int hexDigit(char16_t c)
{
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    if (c >= u'a' && c <= u'f')
        return c - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c - u'A' + 10;
    return -1;
}

std::optional<Bytes> fromHex(const QString& text)
{
    if (text.size() % 2 != 0)
        return std::nullopt;
    Bytes out(static_cast<std::size_t>(text.size() / 2));
    for (qsizetype i = 0; i < text.size(); i += 2) {
        int high = hexDigit(text[i].unicode());
        int low = hexDigit(text[i + 1].unicode());
        if (high < 0 || low < 0)
            return std::nullopt;
        out[static_cast<std::size_t>(i / 2)] = static_cast<std::uint8_t>((high << 4) | low);
    }
    return out;
}

std::unexpected<Error> malformed(const std::string& detail)
{
    return fail(ErrorKind::InvalidInput, "the key file is damaged or not a key file: " + detail);
}

// Exactly these keys, no more, no fewer: an unknown key is not covered by the authentication,
// and silently ignoring it could hide a tampered or misread file.
Result<void> requireKeys(const QJsonObject& object, std::initializer_list<std::string_view> keys,
                         const std::string& where)
{
    for (auto key : keys) {
        if (!object.contains(qs(key)))
            return malformed("\"" + std::string(key) + "\" is missing" + where);
    }
    if (static_cast<std::size_t>(object.size()) != keys.size()) {
        for (const auto& present : object.keys()) {
            bool known = false;
            for (auto key : keys)
                known = known || present == qs(key);
            if (!known)
                return malformed("unexpected field \"" + present.toStdString() + "\"" + where);
        }
    }
    return {};
}

Result<QString> requireString(const QJsonObject& object, std::string_view key,
                              const std::string& where)
{
    QJsonValue value = object.value(qs(key));
    if (!value.isString())
        return malformed("\"" + std::string(key) + "\"" + where + " must be a string");
    return value.toString();
}

// A JSON number that is a whole number in [minimum, maximum]. Checked as a double first, so
// values like 1e300 or 2.5 are refused without an undefined conversion.
Result<std::uint64_t> requireInteger(const QJsonObject& object, std::string_view key,
                                     const std::string& where, std::uint64_t minimum,
                                     std::uint64_t maximum)
{
    QJsonValue value = object.value(qs(key));
    std::string name = "\"" + std::string(key) + "\"" + where;
    if (!value.isDouble())
        return malformed(name + " must be a number");
    double number = value.toDouble();
    if (!(number >= static_cast<double>(minimum) && number <= static_cast<double>(maximum))
        || std::floor(number) != number)
        return malformed(name + " must be a whole number from " + std::to_string(minimum) + " to "
                         + std::to_string(maximum));
    return static_cast<std::uint64_t>(number);
}

template <std::size_t N>
Result<FixedBytes<N>> requireHexFixed(const QJsonObject& object, std::string_view key,
                                      const std::string& where)
{
    auto text = requireString(object, key, where);
    if (!text)
        return std::unexpected(text.error());
    auto bytes = fromHex(*text);
    if (!bytes || bytes->size() != N)
        return malformed("\"" + std::string(key) + "\"" + where + " must be " + std::to_string(N)
                         + " bytes of hexadecimal");
    FixedBytes<N> out{};
    std::copy(bytes->begin(), bytes->end(), out.begin());
    return out;
}

Result<QJsonObject> requireObject(const QJsonObject& object, std::string_view key)
{
    QJsonValue value = object.value(qs(key));
    if (!value.isObject())
        return malformed("\"" + std::string(key) + "\" must be an object");
    return value.toObject();
}

} // namespace

Bytes Keystore::serialize() const
{
    QJsonObject kdf;
    kdf.insert(QStringLiteral("name"), qs(kKdfName));
    // Both are capped far below 2^53, so a JSON number (a double) holds them exactly.
    kdf.insert(QStringLiteral("opslimit"), static_cast<qint64>(m_params.opsLimit));
    kdf.insert(QStringLiteral("memlimit"), static_cast<qint64>(m_params.memLimit));
    kdf.insert(QStringLiteral("salt"), toHex(m_salt));

    QJsonObject cipher;
    cipher.insert(QStringLiteral("name"), qs(kCipherName));
    cipher.insert(QStringLiteral("nonce"), toHex(m_nonce));

    QJsonObject root;
    root.insert(QStringLiteral("format"), qs(kFormatName));
    root.insert(QStringLiteral("version"), static_cast<qint64>(kFormatVersion));
    root.insert(QStringLiteral("address"), qs(m_address.toChecksumString()));
    root.insert(QStringLiteral("kind"),
                qs(m_kind == KeystorePayload::Mnemonic ? kKindMnemonic : kKindPrivateKey));
    root.insert(QStringLiteral("kdf"), kdf);
    root.insert(QStringLiteral("cipher"), cipher);
    root.insert(QStringLiteral("ciphertext"), toHex(m_ciphertext));

    QByteArray json = QJsonDocument(root).toJson(QJsonDocument::Indented);
    return Bytes(json.begin(), json.end());
}

Result<Keystore> Keystore::parse(ByteView bytes)
{
    if (bytes.empty())
        return fail(ErrorKind::InvalidInput, "the key file is empty");
    if (bytes.size() > kMaxFileSize)
        return fail(ErrorKind::InvalidInput, "the key file is too large to be a key file ("
                                                 + std::to_string(bytes.size()) + " bytes)");

    QJsonParseError parseError{};
    auto raw = QByteArray::fromRawData(reinterpret_cast<const char*>(bytes.data()),
                                       static_cast<qsizetype>(bytes.size()));
    QJsonDocument document = QJsonDocument::fromJson(raw, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return malformed("not valid JSON (" + parseError.errorString().toStdString() + ")");
    if (!document.isObject())
        return malformed("the document is not a JSON object");
    QJsonObject root = document.object();

    // Format and version first: a newer version may have different fields, and deserves
    // "update the app" rather than a list of complaints.
    auto format = requireString(root, "format", "");
    if (!format || *format != qs(kFormatName))
        return fail(ErrorKind::InvalidInput, "this is not a Lightstreams key file");
    QJsonValue version = root.value(QStringLiteral("version"));
    if (!version.isDouble())
        return malformed("\"version\" must be a number");
    if (version.toDouble() > static_cast<double>(kFormatVersion))
        return fail(ErrorKind::Unsupported,
                    "this key file was created by a newer version of Lightstreams; update the "
                    "app to open it");
    if (version.toDouble() != static_cast<double>(kFormatVersion))
        return malformed("unknown \"version\"");

    if (auto keys = requireKeys(
            root, {"format", "version", "address", "kind", "kdf", "cipher", "ciphertext"}, "");
        !keys)
        return std::unexpected(keys.error());

    Keystore store;

    auto addressText = requireString(root, "address", "");
    if (!addressText)
        return std::unexpected(addressText.error());
    auto address = Address::parse(addressText->toStdString());
    if (!address)
        return malformed("\"address\": " + address.error().message);
    store.m_address = *address;

    auto kind = requireString(root, "kind", "");
    if (!kind)
        return std::unexpected(kind.error());
    if (*kind == qs(kKindMnemonic))
        store.m_kind = KeystorePayload::Mnemonic;
    else if (*kind == qs(kKindPrivateKey))
        store.m_kind = KeystorePayload::PrivateKey;
    else
        return malformed("unknown \"kind\" (expected \"mnemonic\" or \"private-key\")");

    // Key derivation: the bounds here are what keeps a hostile file from hanging the app or
    // exhausting memory before the passphrase is even checked.
    auto kdf = requireObject(root, "kdf");
    if (!kdf)
        return std::unexpected(kdf.error());
    const std::string inKdf = " in \"kdf\"";
    if (auto keys = requireKeys(*kdf, {"name", "opslimit", "memlimit", "salt"}, inKdf); !keys)
        return std::unexpected(keys.error());
    auto kdfName = requireString(*kdf, "name", inKdf);
    if (!kdfName)
        return std::unexpected(kdfName.error());
    if (*kdfName != qs(kKdfName))
        return fail(ErrorKind::Unsupported, "the key file uses an unknown key derivation \""
                                                + kdfName->toStdString() + "\"");
    auto ops = requireInteger(*kdf, "opslimit", inKdf, 1, pwhash::kMaxOpsLimit);
    if (!ops)
        return std::unexpected(ops.error());
    auto mem = requireInteger(*kdf, "memlimit", inKdf, 1, pwhash::kMaxMemLimit);
    if (!mem)
        return std::unexpected(mem.error());
    store.m_params = {*ops, *mem};
    if (auto valid = pwhash::validate(store.m_params); !valid)
        return malformed(valid.error().message);
    auto salt = requireHexFixed<pwhash::kSaltSize>(*kdf, "salt", inKdf);
    if (!salt)
        return std::unexpected(salt.error());
    store.m_salt = *salt;

    auto cipher = requireObject(root, "cipher");
    if (!cipher)
        return std::unexpected(cipher.error());
    const std::string inCipher = " in \"cipher\"";
    if (auto keys = requireKeys(*cipher, {"name", "nonce"}, inCipher); !keys)
        return std::unexpected(keys.error());
    auto cipherName = requireString(*cipher, "name", inCipher);
    if (!cipherName)
        return std::unexpected(cipherName.error());
    if (*cipherName != qs(kCipherName))
        return fail(ErrorKind::Unsupported,
                    "the key file uses an unknown cipher \"" + cipherName->toStdString() + "\"");
    auto nonce = requireHexFixed<aead::kNonceSize>(*cipher, "nonce", inCipher);
    if (!nonce)
        return std::unexpected(nonce.error());
    store.m_nonce = *nonce;

    auto ciphertextText = requireString(root, "ciphertext", "");
    if (!ciphertextText)
        return std::unexpected(ciphertextText.error());
    auto ciphertext = fromHex(*ciphertextText);
    if (!ciphertext)
        return malformed("\"ciphertext\" must be hexadecimal");
    std::size_t minimum = store.m_kind == KeystorePayload::PrivateKey ? 32 : 1;
    std::size_t maximum = store.m_kind == KeystorePayload::PrivateKey ? 32 : kMaxMnemonicSize;
    if (ciphertext->size() < minimum + aead::kTagSize
        || ciphertext->size() > maximum + aead::kTagSize)
        return malformed("\"ciphertext\" has the wrong length for a " + kind->toStdString()
                         + " key file");
    store.m_ciphertext = std::move(*ciphertext);
    return store;
}

} // namespace ls::crypto
