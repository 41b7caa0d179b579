#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/source_file.hpp"

namespace copydesk::testing {

//! The path of `name` in tests/convert/fixtures (made by make_fixtures.py), found from this
//! file's path.
inline std::filesystem::path ImportFixture(const std::string& name) {
  auto file = SourceFile(__FILE__, 0, std::filesystem::path("fixtures") / name);
  if (!std::filesystem::is_regular_file(file))
    throw std::runtime_error("fixture not found: " + name);
  return file;
}

}  // namespace copydesk::testing
