#include "api/converting.hpp"

#include <algorithm>
#include <atomic>

namespace copydesk::api {

namespace {

// Conversions run while their request holds a worker thread. ConversionSlot keeps them to one
// per core, but a request waiting for a slot still holds its worker: with as many conversions
// asked as there are workers, every other request would wait behind them. So at most all the
// workers but two convert (or wait to) at once; beyond, the answer is 503 at once with
// Retry-After, and reads and writes always find a worker.
class ConversionTicket {
 public:
  explicit ConversionTicket(int worker_threads)
      : limit_(std::max(1, worker_threads - 2)), held_(InFlight().fetch_add(1) < limit_) {
    if (!held_) InFlight().fetch_sub(1);
  }
  ~ConversionTicket() {
    if (held_) InFlight().fetch_sub(1);
  }
  ConversionTicket(const ConversionTicket&) = delete;
  ConversionTicket& operator=(const ConversionTicket&) = delete;
  //! Nothing when admitted, else the 503 to answer.
  Result<void> Admitted() const {
    if (held_) return {};
    Error busy{ErrorKind::kUnavailable,
               "Other documents are being converted right now; try again in a few seconds."};
    busy.retry_after_seconds = 2;
    return busy;
  }

 private:
  static std::atomic<int>& InFlight() {
    static std::atomic<int> in_flight{0};
    return in_flight;
  }
  int limit_;
  bool held_;
};

}  // namespace

Handle Converting(const Services& s, Handle handle) {
  return [&s, handle = std::move(handle)](Call& c) -> Result<http::Response> {
    ConversionTicket ticket(s.config.worker_threads);
    if (auto admitted = ticket.Admitted(); !admitted) return std::move(admitted).error();
    return handle(c);
  };
}

}  // namespace copydesk::api
