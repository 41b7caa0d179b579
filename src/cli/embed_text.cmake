# Generates a C++ file returning the text of one file (UTF-8 data shipped inside the binary).
# Inputs: IN (the file), OUT (generated .cpp), NAMESPACE, FUNC (function name).
file(READ "${IN}" text)
file(WRITE "${OUT}.tmp" "// Generated from ${IN}: do not edit.\n#include <string_view>\n\nnamespace ${NAMESPACE} {\n\nstd::string_view ${FUNC}() {\n  return R\"copydesk_text(${text})copydesk_text\";\n}\n\n}  // namespace ${NAMESPACE}\n")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
