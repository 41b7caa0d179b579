#include "convert/slots.hpp"

#include <algorithm>
#include <semaphore>
#include <thread>

namespace copydesk::convert {
namespace {

std::counting_semaphore<>& Slots() {
  static std::counting_semaphore<> slots(
      static_cast<std::ptrdiff_t>(std::max(1u, std::thread::hardware_concurrency())));
  return slots;
}

}  // namespace

ConversionSlot::ConversionSlot() {
  Slots().acquire();
}

ConversionSlot::~ConversionSlot() {
  Slots().release();
}

}  // namespace copydesk::convert
