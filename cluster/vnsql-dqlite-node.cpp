// One node of a dqlite cluster whose every SQLite connection has the vnsql
// module: the 'vietnamese' tokenizer and the vn_*, resolutions() and
// officials() functions, as `.load build/vnsql` gives them in the shell.
//
//   vnsql-dqlite-node ID ADDRESS DATA_DIR [JOIN_ADDRESS,...]
//
// ID 1 with an empty DATA_DIR starts a new cluster of one. Any other new node
// asks the leader, found through the JOIN addresses, to add it as a voter.
// A node whose DATA_DIR already holds its Raft state just starts again with
// the same ID and address, and catches up. dqlite does all the replication;
// this program only registers the module, starts the node and joins it.
// It prints "ready" once it serves clients, and stops on SIGTERM or SIGINT.
#include <arpa/inet.h>
extern "C" {
#include <dqlite.h>  // (no extern "C" of its own)
}
#include <netinet/in.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern "C" int sqlite3_vnsql_init(sqlite3* db, char** error, const sqlite3_api_routines* api);

namespace {

// The few requests of dqlite's client protocol (version 1) that a joining node
// needs: LEADER, ADD and ASSIGN. A message is an 8-byte header (body length in
// 8-byte words, type, flags, reserved) and a body of little-endian 64-bit words
// and NUL-terminated strings padded to 8 bytes.
enum : uint8_t { kLeader = 0, kAdd = 12, kAssign = 13 };
enum : uint8_t { kFailure = 0, kNode = 1, kEmpty = 8 };
constexpr uint64_t kProtocolVersion = 1, kVoter = 0;

struct Response {
  uint8_t type = 0xff;  // none: no answer
  std::vector<uint8_t> body;
  std::string text(size_t word) const {  // the string that starts at that word of the body
    if (8 * word >= body.size()) return "";
    const char* s = reinterpret_cast<const char*>(body.data() + 8 * word);
    return std::string(s, strnlen(s, body.size() - 8 * word));
  }
};

class Peer {
 public:
  explicit Peer(const std::string& address) {
    // An IPv4 address and a port, as cluster/start.sh gives them.
    auto colon = address.rfind(':');
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    if (colon == std::string::npos || inet_pton(AF_INET, address.substr(0, colon).c_str(), &sa.sin_addr) != 1) return;
    sa.sin_port = htons(static_cast<uint16_t>(atoi(address.c_str() + colon + 1)));
    if ((fd_ = socket(AF_INET, SOCK_STREAM, 0)) < 0) return;
    timeval timeout{5, 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    uint64_t version = htole64(kProtocolVersion);
    if (connect(fd_, reinterpret_cast<sockaddr*>(&sa), sizeof sa) != 0 || !send_all(&version, 8)) close_fd();
  }
  ~Peer() { close_fd(); }
  bool ok() const { return fd_ >= 0; }

  // Sends a request of 64-bit words and an optional trailing string.
  Response call(uint8_t type, std::vector<uint64_t> words, const std::string& text = "") {
    std::vector<uint8_t> body(words.size() * 8);
    for (size_t i = 0; i < words.size(); i++) {
      uint64_t v = htole64(words[i]);
      memcpy(&body[8 * i], &v, 8);
    }
    if (!text.empty()) {
      body.resize(body.size() + (text.size() / 8 + 1) * 8, 0);  // NUL-terminated, padded
      memcpy(&body[words.size() * 8], text.data(), text.size());
    }
    uint8_t header[8] = {};
    uint32_t n = htole32(static_cast<uint32_t>(body.size() / 8));
    memcpy(header, &n, 4);
    header[4] = type;
    Response r;
    if (!ok() || !send_all(header, 8) || !send_all(body.data(), body.size()) || !recv_all(header, 8)) return r;
    memcpy(&n, header, 4);
    r.body.resize(8 * static_cast<size_t>(le32toh(n)));
    if (recv_all(r.body.data(), r.body.size())) r.type = header[4];
    return r;
  }

 private:
  bool send_all(const void* p, size_t n) { return ::send(fd_, p, n, MSG_NOSIGNAL) == static_cast<ssize_t>(n); }
  bool recv_all(void* p, size_t n) { return ::recv(fd_, p, n, MSG_WAITALL) == static_cast<ssize_t>(n); }
  void close_fd() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  int fd_ = -1;
};

// Asks the leader to add this node and make it a voter; tries each join
// address in turn until one leads to a leader that says yes, for up to a minute.
bool join(uint64_t id, const std::string& address, const std::vector<std::string>& peers) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  std::string last_error = "no join address answered";
  while (std::chrono::steady_clock::now() < deadline) {
    for (const auto& peer : peers) {
      Response node = Peer(peer).call(kLeader, {0});  // id, address; 0 and "" while there is none
      std::string leader = node.type == kNode ? node.text(1) : "";
      if (leader.empty()) continue;
      Peer p(leader);
      // raft's words for "this ID is in the configuration already" (an earlier
      // attempt got that far) and "it has that role already"; anything else
      // (another node's change in progress, a leader that just stepped down) is tried again.
      Response added = p.call(kAdd, {id}, address);
      if (added.type != kEmpty && added.text(1) != "server ID already in use") {
        last_error = "add: " + (added.type == kFailure ? added.text(1) : std::string("no answer"));
        continue;
      }
      Response assigned = p.call(kAssign, {id, kVoter});
      if (assigned.type == kEmpty || assigned.text(1) == "server role is not valid") return true;
      last_error = "assign: " + (assigned.type == kFailure ? assigned.text(1) : std::string("no answer"));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  fprintf(stderr, "vnsql-dqlite-node: could not join the cluster (%s)\n", last_error.c_str());
  return false;
}

// Two faults of Debian 12's dqlite (1.11.1) that the ingest scripts reach, and
// the settings that keep clear of them on every connection:
// - it crashes when SQLite truncates a temporary file (its VFS passes reads and
//   writes of temporary files to the unix VFS, not xTruncate): temporary
//   tables in memory make no temporary file;
// - a transaction whose changed pages outgrow the page cache (2 MB; a batch of
//   100 articles once the index has grown) fails with SQLITE_IOERR_SHORT_READ
//   once SQLite spills pages to the WAL before the commit: no spilling (dqlite
//   holds a transaction's pages in memory until its commit anyway).
int dqlite_safe_settings(sqlite3* db, char** error, const sqlite3_api_routines*) {
  return sqlite3_exec(db, "PRAGMA temp_store = MEMORY; PRAGMA cache_spill = OFF", nullptr, nullptr, error);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4 || argc > 5) {
    fprintf(stderr, "usage: %s ID ADDRESS DATA_DIR [JOIN_ADDRESS,...]\n", argv[0]);
    return 2;
  }
  uint64_t id = strtoull(argv[1], nullptr, 10);
  if (id == 0) {
    fprintf(stderr, "vnsql-dqlite-node: the ID must be a number from 1\n");
    return 2;
  }
  std::string address = argv[2], dir = argv[3];
  std::vector<std::string> peers;
  std::stringstream list(argc == 5 ? argv[4] : "");
  for (std::string a; std::getline(list, a, ',');)
    if (!a.empty() && a != address) peers.push_back(a);

  // Every connection that dqlite opens, on whichever node leads, gets the module.
  sqlite3_auto_extension(reinterpret_cast<void (*)()>(sqlite3_vnsql_init));
  sqlite3_auto_extension(reinterpret_cast<void (*)()>(dqlite_safe_settings));

  // A write to a peer that died (the killed leader) must be an error for
  // raft to handle, not a SIGPIPE that ends this node too.
  signal(SIGPIPE, SIG_IGN);
  // SIGTERM and SIGINT are taken by sigwait below, so dqlite's thread must not get them.
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGTERM);
  sigaddset(&stop, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);

  std::filesystem::create_directories(dir);
  bool fresh = std::filesystem::is_empty(dir);
  if (fresh && id != 1 && peers.empty()) {
    fprintf(stderr, "vnsql-dqlite-node: a new node other than 1 joins through the addresses of nodes already there\n");
    return 2;
  }
  dqlite_node* node = nullptr;
  int rc = dqlite_node_create(id, address.c_str(), dir.c_str(), &node);
  if (rc == 0) rc = dqlite_node_set_bind_address(node, address.c_str());
  if (rc == 0) rc = dqlite_node_start(node);
  if (rc != 0) {
    fprintf(stderr, "vnsql-dqlite-node %llu: %s\n", static_cast<unsigned long long>(id),
            node ? dqlite_node_errmsg(node) : "cannot create the node");
    if (node) dqlite_node_destroy(node);
    return 1;
  }
  if (fresh && id != 1 && !join(id, address, peers)) {
    dqlite_node_stop(node);
    dqlite_node_destroy(node);
    return 1;
  }
  printf("node %llu ready at %s (dqlite %d, SQLite %s)\n", static_cast<unsigned long long>(id), address.c_str(),
         dqlite_version_number(), sqlite3_libversion());
  fflush(stdout);

  int signal_number = 0;
  sigwait(&stop, &signal_number);
  dqlite_node_stop(node);
  dqlite_node_destroy(node);
  return 0;
}
