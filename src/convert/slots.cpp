#include "convert/slots.hpp"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace copydesk::convert {
namespace {

// A counting semaphore sized at run time (std::counting_semaphore wants its bound at compile
// time, and the number of cores is only known here).
struct Slots {
  std::mutex mutex;
  std::condition_variable freed;
  std::size_t free = ConversionSlot::Capacity();
};

Slots& ProcessSlots() {
  static Slots slots;
  return slots;
}

}  // namespace

std::size_t ConversionSlot::Capacity() {
  return std::max<std::size_t>(1, std::thread::hardware_concurrency());
}

ConversionSlot::ConversionSlot() {
  auto& slots = ProcessSlots();
  std::unique_lock lock(slots.mutex);
  slots.freed.wait(lock, [&] { return slots.free > 0; });
  --slots.free;
}

ConversionSlot::~ConversionSlot() {
  auto& slots = ProcessSlots();
  {
    std::lock_guard lock(slots.mutex);
    ++slots.free;
  }
  slots.freed.notify_one();
}

}  // namespace copydesk::convert
