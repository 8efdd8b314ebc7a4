#pragma once

#include <string>

namespace ls {

// The value of a hexadecimal digit (either case), or -1 for any other character.
constexpr int hexDigitValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// A character as an error message can name it: 'x', or a description for what would not print.
inline std::string describeCharacter(char c)
{
    const auto byte = static_cast<unsigned char>(c);
    if (byte == ' ')
        return "a space";
    if (byte < 0x20 || byte > 0x7e)
        return "a control or non-ASCII character";
    return std::string("'") + c + "'";
}

} // namespace ls
