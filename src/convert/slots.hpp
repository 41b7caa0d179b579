#pragma once

#include <cstddef>

namespace copydesk::convert {

//! Holds one of the process's conversion slots for its lifetime. Conversions (pandoc, WeasyPrint)
//! each keep a worker thread and a core busy for seconds; sizing the slots to the number of cores
//! means four dropped documents wait for each other instead of taking every worker thread the
//! server needs to answer everyone else's requests.
class ConversionSlot {
 public:
  //! Blocks the calling (worker) thread until a slot is free.
  ConversionSlot();
  //! Gives the slot back, waking one waiting conversion.
  ~ConversionSlot();
  ConversionSlot(const ConversionSlot&) = delete;
  ConversionSlot& operator=(const ConversionSlot&) = delete;

  //! How many conversions may run at once in this process (the number of cores, at least 1).
  static std::size_t Capacity();
};

}  // namespace copydesk::convert
