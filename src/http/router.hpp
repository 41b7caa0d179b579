#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "http/message.hpp"

namespace copydesk::http {

//! A route's work: read the request, call the domain, present the result.
using Handler = std::function<Result<Response>(Request&)>;
//! What a route checks on the head alone (who is calling), before an upload's body is read.
using HeadCheck = std::function<Result<void>(Request&)>;

//! Routes by method and path pattern ("/api/v1/workspaces/{ws}/members/{user_id}").
class Router {
 public:
  //! Registers a handler; patterns are matched segment by segment, `{name}` capturing one, and
  //! `{name}.ext` one that ends with ".ext" (without it).
  //! `streams_body`: a body that is not JSON is written to a temporary file as it arrives
  //! (Request::body_file), up to --max-upload-bytes, instead of being held in memory.
  //! `check_head`, with `streams_body`: run on the head before the body is read; a failure is
  //! the answer, and no byte of the body is taken.
  void Add(std::string method, std::string pattern, Handler handler, bool streams_body = false,
           HeadCheck check_head = {});

  //! The outcome of routing a request.
  struct Match {
    const Handler* handler = nullptr;       //!< null when nothing matched
    std::string pattern;                    //!< the matched pattern, for metrics and logs
    bool wrong_method = false;              //!< the path matched under another method
    std::string allowed;                    //!< the Allow header when wrong_method
    bool streams_body = false;              //!< the route takes uploads (see Add)
    const HeadCheck* check_head = nullptr;  //!< with streams_body, when the route has one
  };
  //! Finds the handler for a request and fills its path parameters.
  Match Find(Request& request) const;

  //! Every registered (method, pattern), in registration order: for the API description test.
  std::vector<std::pair<std::string, std::string>> Routes() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
    bool streams_body = false;
    HeadCheck check_head;
  };
  std::vector<Route> routes_;
};

}  // namespace copydesk::http
