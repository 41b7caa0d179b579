#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace copydesk::testing {

//! The path of `name` in tests/convert/fixtures (made by make_fixtures.py), found from this
//! file's path: __FILE__ may be relative to the build folder the compiler ran in (ccache rewrites
//! paths under its base directory), which is where the test executable lives.
inline std::filesystem::path ImportFixture(const std::string& name) {
  namespace fs = std::filesystem;
  const fs::path source(__FILE__);
  std::error_code ec;
  std::vector<fs::path> bases;
  if (source.is_relative()) {
    bases.push_back(fs::read_symlink("/proc/self/exe", ec).parent_path());
    bases.push_back(fs::current_path(ec));
  } else {
    bases.push_back("/");
  }
  for (const auto& base : bases) {
    const fs::path file = (base / source).lexically_normal().parent_path() / "fixtures" / name;
    if (fs::is_regular_file(file, ec)) return file;
  }
  throw std::runtime_error("fixture not found: " + name);
}

}  // namespace copydesk::testing
