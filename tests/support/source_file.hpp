#pragma once

#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

namespace copydesk::testing {

//! A file of the source tree, found from `source` (the caller's __FILE__) `up` folders above it:
//! __FILE__ may be relative to the build folder the compiler ran in (ccache rewrites paths under
//! its base directory), which is where the test executable lives; the working directory is
//! tried last. `relative` itself when nowhere found.
inline std::filesystem::path SourceFile(const char* source_file, int up,
                                        const std::filesystem::path& relative) {
  namespace fs = std::filesystem;
  const fs::path source(source_file);
  std::error_code ec;
  std::vector<fs::path> bases;
  if (source.is_relative()) {
    bases.push_back(fs::read_symlink("/proc/self/exe", ec).parent_path());
    bases.push_back(fs::current_path(ec));
  } else {
    bases.push_back("/");
  }
  for (const auto& base : bases) {
    fs::path root = (base / source).lexically_normal().parent_path();
    for (int i = 0; i < up; ++i) root = root.parent_path();
    if (fs::is_regular_file(root / relative, ec)) return root / relative;
  }
  return relative;
}

}  // namespace copydesk::testing
