#include "app/cli/SecretInput.h"

#include "core/util/AtomicFile.h"

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace ls::cli {
namespace {

// Turns terminal echo off for its lifetime and restores it even on early return.
class EchoOff {
public:
    EchoOff()
    {
        if (::tcgetattr(STDIN_FILENO, &m_saved) == 0) {
            termios quiet = m_saved;
            quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            m_active = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
    }
    ~EchoOff()
    {
        if (m_active) {
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
            std::fputc('\n', stderr);
        }
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    termios m_saved{};
    bool m_active = false;
};

void trimLineEnd(crypto::SecretBytes& text, std::size_t& length)
{
    while (length > 0 && (text.data()[length - 1] == '\n' || text.data()[length - 1] == '\r'))
        --length;
}

} // namespace

SecretInput::SecretInput() : m_stdinIsTerminal(::isatty(STDIN_FILENO) == 1) {}

Result<crypto::SecretBytes> SecretInput::readFromFile(const QString& file)
{
    auto contents = readFileLimited(file.toStdString(), 4096);
    if (!contents)
        return std::unexpected(contents.error());
    crypto::SecretBytes text(*contents);
    crypto::secureWipe(contents->data(), contents->size());
    std::size_t length = 0;
    while (length < text.size() && text.data()[length] != '\n')
        ++length;
    trimLineEnd(text, length);
    return crypto::SecretBytes(text.view().first(length));
}

Result<crypto::SecretBytes> SecretInput::readFromStdin(const char* prompt)
{
    constexpr std::size_t kMaxLine = 4096;
    crypto::SecretBytes buffer(kMaxLine);
    std::size_t length = 0;
    {
        std::optional<EchoOff> echoOff;
        if (m_stdinIsTerminal) {
            std::fputs(prompt, stderr);
            std::fflush(stderr);
            echoOff.emplace();
        }
        int c = 0;
        while (length < kMaxLine && (c = std::fgetc(stdin)) != EOF && c != '\n')
            buffer.data()[length++] = static_cast<std::uint8_t>(c);
        if (length == kMaxLine)
            return fail(ErrorKind::InvalidInput, "The input line is too long");
        if (c == EOF && length == 0)
            return fail(ErrorKind::InvalidInput,
                        std::string("Nothing on standard input for: ") + prompt);
    }
    trimLineEnd(buffer, length);
    return crypto::SecretBytes(buffer.view().first(length));
}

Result<crypto::SecretBytes> SecretInput::read(const char* prompt, const std::optional<QString>& file)
{
    return file ? readFromFile(*file) : readFromStdin(prompt);
}

Result<crypto::SecretBytes> SecretInput::readNew(const char* prompt,
                                                 const std::optional<QString>& file)
{
    auto first = read(prompt, file);
    if (!first)
        return first;
    if (first->empty())
        return fail(ErrorKind::InvalidInput, "The passphrase must not be empty");
    if (file || !m_stdinIsTerminal)
        return first;
    auto again = readFromStdin("Repeat it: ");
    if (!again)
        return again;
    if (!crypto::constantTimeEqual(first->view(), again->view()))
        return fail(ErrorKind::InvalidInput, "The two passphrases differ; nothing was changed");
    return first;
}

} // namespace ls::cli
