// The composition root: the command line picks a command; App wires config → storage →
// services → HTTP.
#include "cli/cli.hpp"

int main(int argc, char** argv) {
  return copydesk::cli::Main(argc, argv);
}
