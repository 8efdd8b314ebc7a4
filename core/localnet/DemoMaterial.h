#pragma once

#include "core/api/Studio.h"
#include "core/util/Error.h"

#include <filesystem>
#include <string>
#include <vector>

namespace ls::localnet {

// The demo author's three titles: files the project made itself (resources/demo, with the
// scripts that made them), built into the program as Qt resources under ":/demo/", so the app
// publishes them wherever it is installed.
struct DemoTitle {
    std::string file; // resource name under ":/demo/", and the file name in the material folder
    std::string cover; // likewise
    api::TitleMetadata metadata; // coverImageFile is filled in by extractDemoMaterial
    std::string pricePht; // decimal PHT
    std::string note; // version 1's note
    std::string mediaType; // stated, not guessed: the player picks its decoder by it
    std::string sample = {}; // resource name of the free sample; empty: none
};

// In publishing order: the book, the audio track, the video.
const std::vector<DemoTitle>& demoTitles();

// The bytes of one demo resource (":/demo/<name>"); NotFound when the build lacks it.
Result<Bytes> demoResource(const std::string& name);

// Writes every demo file, cover and sample into `directory` where it is missing or differs, and
// returns the publish requests for them (paths in `directory`, prices in base units), in
// demoTitles() order. Stable paths matter: Studio resumes an unfinished publication of the same
// file.
Result<std::vector<api::PublishRequest>> extractDemoMaterial(
    const std::filesystem::path& directory);

} // namespace ls::localnet
