// Native reference for the SFrame benchmarks: cisco/sframe (C++ over OpenSSL) and the raw OpenSSL
// EVP AES-128-GCM floor, measured the way SframeRoundTripBenchmark and RawAesGcmBenchmark measure
// Sealmeet and the JCE. One op = protect a frame, then unprotect that output (sframe rows), or
// AES-128-GCM encrypt then decrypt with a fresh 12-byte nonce and a 5-byte AAD (evp rows).
//
// Output: one line per (impl, suite, size): "impl suite size median_ns best_ns ops", the median and
// the best of the rounds' mean ns per op (the median is the one to compare with JMH's average).
// Usage: sframe_bench [warmup_ms] [measure_ms] [rounds]
#include <openssl/evp.h>
#include <sframe/sframe.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <vector>

using namespace SFRAME_NAMESPACE;
using clock_type = std::chrono::steady_clock;

namespace {

const size_t kSizes[] = { 64, 1200, 16384, 102400 };

template<typename Op>
double time_ns_per_op(Op&& op, long warmup_ms, long measure_ms, long* ops_out)
{
  auto until = clock_type::now() + std::chrono::milliseconds(warmup_ms);
  while (clock_type::now() < until) {
    for (int i = 0; i < 16; i++) {
      op();
    }
  }
  long ops = 0;
  auto start = clock_type::now();
  auto stop = start + std::chrono::milliseconds(measure_ms);
  auto now = start;
  while (now < stop) {
    for (int i = 0; i < 16; i++) {
      op();
    }
    ops += 16;
    now = clock_type::now();
  }
  *ops_out = ops;
  return std::chrono::duration<double, std::nano>(now - start).count() / ops;
}

[[noreturn]] void fail(const char* what)
{
  std::fprintf(stderr, "failed: %s\n", what);
  std::exit(1);
}

double bench_sframe(CipherSuite suite, size_t size, long warmup, long measure, long* ops)
{
  std::vector<uint8_t> key(suite == CipherSuite::AES_GCM_256_SHA512 ? 32 : 16, 0x42);
  const KeyID kid = 7;
  Context send(suite);
  Context recv(suite);
  if (!send.add_key(kid, KeyUsage::protect, key).is_ok() ||
      !recv.add_key(kid, KeyUsage::unprotect, key).is_ok()) {
    fail("add_key");
  }
  std::vector<uint8_t> plaintext(size, 0xa5);
  std::vector<uint8_t> frame(size + Context::max_overhead);
  std::vector<uint8_t> decrypted(size);
  auto op = [&]() {
    auto ct = send.protect(kid, frame, plaintext, {});
    if (!ct.is_ok()) {
      fail("protect");
    }
    auto span = ct.value();
    auto pt = recv.unprotect(decrypted, input_bytes(span.data(), span.size()), {});
    if (!pt.is_ok() || pt.value().size() != size) {
      fail("unprotect");
    }
  };
  return time_ns_per_op(op, warmup, measure, ops);
}

double bench_evp_gcm(size_t size, long warmup, long measure, long* ops)
{
  uint8_t key[16];
  std::memset(key, 0x42, sizeof key);
  uint8_t iv[12] = { 0 };
  uint8_t aad[5] = { 0x17, 0, 0, 0, 1 };
  uint8_t tag[16];
  std::vector<uint8_t> plaintext(size, 0xa5);
  std::vector<uint8_t> ct(size);
  std::vector<uint8_t> out(size);
  EVP_CIPHER_CTX* enc = EVP_CIPHER_CTX_new();
  EVP_CIPHER_CTX* dec = EVP_CIPHER_CTX_new();
  // Key schedule once per context, as the JCE benchmark keys its Cipher once; a new nonce per op.
  if (EVP_EncryptInit_ex(enc, EVP_aes_128_gcm(), nullptr, key, nullptr) != 1 ||
      EVP_DecryptInit_ex(dec, EVP_aes_128_gcm(), nullptr, key, nullptr) != 1) {
    fail("EVP init");
  }
  uint64_t counter = 0;
  auto op = [&]() {
    counter++;
    std::memcpy(iv + 4, &counter, sizeof counter);
    int len = 0;
    if (EVP_EncryptInit_ex(enc, nullptr, nullptr, nullptr, iv) != 1 ||
        EVP_EncryptUpdate(enc, nullptr, &len, aad, sizeof aad) != 1 ||
        EVP_EncryptUpdate(enc, ct.data(), &len, plaintext.data(), (int)size) != 1 ||
        EVP_EncryptFinal_ex(enc, ct.data() + len, &len) != 1 ||
        EVP_CIPHER_CTX_ctrl(enc, EVP_CTRL_GCM_GET_TAG, 16, tag) != 1) {
      fail("EVP encrypt");
    }
    if (EVP_DecryptInit_ex(dec, nullptr, nullptr, nullptr, iv) != 1 ||
        EVP_DecryptUpdate(dec, nullptr, &len, aad, sizeof aad) != 1 ||
        EVP_DecryptUpdate(dec, out.data(), &len, ct.data(), (int)size) != 1 ||
        EVP_CIPHER_CTX_ctrl(dec, EVP_CTRL_GCM_SET_TAG, 16, tag) != 1 ||
        EVP_DecryptFinal_ex(dec, out.data() + len, &len) != 1) {
      fail("EVP decrypt");
    }
  };
  double ns = time_ns_per_op(op, warmup, measure, ops);
  EVP_CIPHER_CTX_free(enc);
  EVP_CIPHER_CTX_free(dec);
  return ns;
}

} // namespace

int main(int argc, char** argv)
{
  long warmup = argc > 1 ? std::atol(argv[1]) : 1000;
  long measure = argc > 2 ? std::atol(argv[2]) : 1000;
  int rounds = argc > 3 ? std::atoi(argv[3]) : 5;
  std::printf("# impl suite size median_ns best_ns ops (%d rounds of %ld ms, %ld ms warm-up)\n",
              rounds, measure, warmup);
  struct Row
  {
    const char* impl;
    int suite;
    CipherSuite cs;
  };
  const Row rows[] = {
    { "cisco-sframe", 1, CipherSuite::AES_128_CTR_HMAC_SHA256_80 },
    { "cisco-sframe", 4, CipherSuite::AES_GCM_128_SHA256 },
    { "openssl-evp-aes128gcm", 0, CipherSuite::AES_GCM_128_SHA256 },
  };
  for (const auto& row : rows) {
    for (size_t size : kSizes) {
      std::vector<double> results;
      long total_ops = 0;
      for (int r = 0; r < rounds; r++) {
        long ops = 0;
        double ns = row.suite == 0 ? bench_evp_gcm(size, r == 0 ? warmup : 0, measure, &ops)
                                   : bench_sframe(row.cs, size, r == 0 ? warmup : 0, measure, &ops);
        results.push_back(ns);
        total_ops += ops;
      }
      std::sort(results.begin(), results.end());
      std::printf("%s %d %zu %.1f %.1f %ld\n", row.impl, row.suite, size,
                  results[results.size() / 2], results.front(), total_ops);
      std::fflush(stdout);
    }
  }
  return 0;
}
