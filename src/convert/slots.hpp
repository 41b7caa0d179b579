#pragma once

namespace copydesk::convert {

//! A turn to run a conversion. Conversions are CPU-bound subprocesses; holding one of a few
//! process-wide slots (as many as the machine has cores) means four exports at once never take
//! every worker thread and core from the requests everyone else is making. Blocks until a slot
//! is free; gives it back when destroyed.
class ConversionSlot {
 public:
  ConversionSlot();
  ~ConversionSlot();
  ConversionSlot(const ConversionSlot&) = delete;
  ConversionSlot& operator=(const ConversionSlot&) = delete;
};

}  // namespace copydesk::convert
