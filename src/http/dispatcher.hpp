#pragma once

#include <string>

#include "http/message.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"

namespace copydesk::http {

//! Turns one request into one response: routes API paths, serves the web app otherwise, maps
//! errors and exceptions to problem+json, adds the common headers, counts and logs. Thread-safe.
class Dispatcher {
 public:
  Dispatcher(const Router& router, const StaticFiles& files, Metrics& metrics);

  //! Answers `request`. Never throws.
  Response Handle(Request& request);

 private:
  Response Route(Request& request, std::string& pattern);

  const Router& router_;
  const StaticFiles& files_;
  Metrics& metrics_;
};

}  // namespace copydesk::http
