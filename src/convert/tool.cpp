#include "convert/tool.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <mutex>

namespace copydesk::convert {
namespace {

constexpr std::size_t kErrCap = 64u << 10;

void SetLimit(int resource, std::size_t bytes) {
  if (bytes == 0) return;
  rlimit limit{static_cast<rlim_t>(bytes), static_cast<rlim_t>(bytes)};
  setrlimit(resource, &limit);
}

// In the child, between fork and exec: only async-signal-safe calls.
[[noreturn]] void Exec(const std::vector<std::string>& argv, const ToolLimits& limits,
                       const std::filesystem::path& cwd, int in_fd, int out_fd, int err_fd) {
  setpgid(0, 0);
  // Below the server's own threads: four conversions at once must not slow everyone's GETs.
  [[maybe_unused]] int niceness = nice(10);
  // A network namespace of its own leaves the tool a loopback and nothing else. Root (CI, most
  // servers) may make one; elsewhere an unprivileged user namespace may. If neither is allowed the
  // converters still run with their own options against fetching (pandoc --sandbox).
  if (unshare(CLONE_NEWNET) != 0) unshare(CLONE_NEWUSER | CLONE_NEWNET);
  dup2(in_fd, 0);
  dup2(out_fd, 1);
  dup2(err_fd, 2);
  for (int fd = 3; fd < 1024; ++fd) close(fd);
  SetLimit(RLIMIT_AS, limits.address_space_bytes);
  SetLimit(RLIMIT_FSIZE, limits.file_bytes);
  // A CPU limit a little above the wall clock catches a tool that escapes the process group.
  SetLimit(RLIMIT_CPU,
           static_cast<std::size_t>(
               std::chrono::duration_cast<std::chrono::seconds>(limits.time).count() + 2));
  if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(126);
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  execvp(args[0], args.data());
  _exit(errno == ENOENT ? 127 : 126);
}

ToolResult Fail(ToolFailure failure, std::string err = {}, int code = -1) {
  ToolResult r;
  r.error = {failure, code, std::move(err)};
  return r;
}

}  // namespace

bool ToolInstalled(std::string_view program) {
  const char* path = std::getenv("PATH");
  std::string_view dirs = path != nullptr ? path : "/usr/bin:/bin";
  while (!dirs.empty()) {
    auto colon = dirs.find(':');
    auto dir = dirs.substr(0, colon);
    auto candidate = std::filesystem::path(std::string(dir)) / std::string(program);
    if (access(candidate.c_str(), X_OK) == 0) return true;
    if (colon == std::string_view::npos) break;
    dirs.remove_prefix(colon + 1);
  }
  return false;
}

ToolResult RunTool(const std::vector<std::string>& argv, std::string_view input,
                   const ToolLimits& limits, const std::filesystem::path& cwd) {
  if (argv.empty()) return Fail(ToolFailure::kSystem, "no program");
  // A tool that exits before reading all its input must not take the server down with SIGPIPE:
  // the write then fails with EPIPE, which the loop below treats as "input done".
  static std::once_flag ignore_sigpipe;
  std::call_once(ignore_sigpipe, [] { signal(SIGPIPE, SIG_IGN); });
  int in[2], out[2], err[2];
  if (pipe2(in, O_CLOEXEC) != 0) return Fail(ToolFailure::kSystem, std::strerror(errno));
  if (pipe2(out, O_CLOEXEC) != 0) {
    close(in[0]), close(in[1]);
    return Fail(ToolFailure::kSystem, std::strerror(errno));
  }
  if (pipe2(err, O_CLOEXEC) != 0) {
    close(in[0]), close(in[1]), close(out[0]), close(out[1]);
    return Fail(ToolFailure::kSystem, std::strerror(errno));
  }
  pid_t pid = fork();
  if (pid < 0) {
    for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) close(fd);
    return Fail(ToolFailure::kSystem, std::strerror(errno));
  }
  if (pid == 0) Exec(argv, limits, cwd, in[0], out[1], err[1]);
  setpgid(pid, pid);  // also in the parent, so the kill below never races the child's own call
  close(in[0]);
  close(out[1]);
  close(err[1]);
  for (int fd : {in[1], out[0], err[0]}) fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);

  ToolResult result;
  std::size_t written = 0;
  int in_fd = in[1];
  if (input.empty()) close(in_fd), in_fd = -1;
  int out_fd = out[0], err_fd = err[0];
  bool timed_out = false, too_large = false;
  auto deadline = std::chrono::steady_clock::now() + limits.time;
  char buffer[65536];
  while (out_fd >= 0 || err_fd >= 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now())
                    .count();
    if (left <= 0) {
      timed_out = true;
      break;
    }
    pollfd fds[3];
    int n = 0;
    if (in_fd >= 0) fds[n++] = {in_fd, POLLOUT, 0};
    if (out_fd >= 0) fds[n++] = {out_fd, POLLIN, 0};
    if (err_fd >= 0) fds[n++] = {err_fd, POLLIN, 0};
    int ready = poll(fds, n, static_cast<int>(left));
    if (ready < 0 && errno != EINTR) break;
    for (int i = 0; i < n && ready > 0; ++i) {
      if (fds[i].revents == 0) continue;
      if (fds[i].fd == in_fd) {
        ssize_t w = write(in_fd, input.data() + written, input.size() - written);
        if (w > 0) written += static_cast<std::size_t>(w);
        if (w < 0 && errno != EAGAIN) written = input.size();  // the tool stopped reading
        if (written == input.size()) close(in_fd), in_fd = -1;
        continue;
      }
      ssize_t r = read(fds[i].fd, buffer, sizeof buffer);
      if (r > 0) {
        if (fds[i].fd == out_fd) {
          result.output.out.append(buffer, static_cast<std::size_t>(r));
          if (result.output.out.size() > limits.output_bytes) too_large = true;
        } else if (result.output.err.size() < kErrCap) {
          result.output.err.append(buffer, static_cast<std::size_t>(r));
        }
      } else if (r == 0 || errno != EAGAIN) {
        if (fds[i].fd == out_fd)
          close(out_fd), out_fd = -1;
        else
          close(err_fd), err_fd = -1;
      }
    }
    if (too_large) break;
  }
  for (int fd : {in_fd, out_fd, err_fd})
    if (fd >= 0) close(fd);
  if (timed_out || too_large) kill(-pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  // Whatever the tool left running in its group goes with it.
  kill(-pid, SIGKILL);
  if (timed_out) return Fail(ToolFailure::kTimedOut, std::move(result.output.err));
  if (too_large) return Fail(ToolFailure::kTooLarge, std::move(result.output.err));
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
    result.ok = true;
    return result;
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
    return Fail(ToolFailure::kMissing, std::move(result.output.err), 127);
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  // SIGXFSZ: a file the tool wrote passed RLIMIT_FSIZE.
  if (WIFSIGNALED(status) && WTERMSIG(status) == SIGXFSZ)
    return Fail(ToolFailure::kTooLarge, std::move(result.output.err), code);
  return Fail(ToolFailure::kFailed, std::move(result.output.err), code);
}

}  // namespace copydesk::convert
