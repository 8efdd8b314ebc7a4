#pragma once

#include "core/api/Chain.h"

#include <QJsonObject>
#include <QString>

#include <string>

// How the chain commands show verified facts: amounts in PHT for people and base units for
// scripts, and the block every fact was proven against.
namespace ls::cli::output {

QString pht(const std::string& baseUnits); // "12.5 PHT"
QString proven(const api::ProvenAt& at); // "verified at block 42 (0x1234abcd…)"
QJsonObject provenJson(const api::ProvenAt& at);

QString confirmationText(const api::TransactionConfirmation& confirmation);
QJsonObject confirmationJson(const api::TransactionConfirmation& confirmation);

QString titleText(const api::TitleInfo& title);
QJsonObject titleJson(const api::TitleInfo& title);

QString licenceText(const api::LicenceInfo& licence);
QJsonObject licenceJson(const api::LicenceInfo& licence);

} // namespace ls::cli::output
