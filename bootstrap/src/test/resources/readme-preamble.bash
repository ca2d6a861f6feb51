# Sourced (BASH_ENV) before ReadmeExamplesTest runs the README's command blocks, which run as written after it:
# stop at the first command that fails and say on which README line; check the answer of every curl.
unset BASH_ENV
set -euo pipefail
trap 'echo "README.md line $LINENO failed: $(sed -n "${LINENO}p" "$0")" >&2' ERR

# curl as the README calls it, plus: its response headers to a file, to read the status of every answer; a failure
# for an answer of 400 or more, which `curl -s` alone does not report; a time limit, so that an event stream (-N),
# which a reader ends with Ctrl-C, ends after a few seconds; and no progress meter (curl shows one when its output
# is not a terminal). Each status goes to the log with the README line that asked for it, so the test can check
# that every block ran and every answer succeeded.
curl() {
  local limit=30 stream=false headers status rc=0
  for argument in "$@"; do
    if [[ $argument == -N || $argument == --no-buffer ]]; then
      limit=$README_STREAM_SECONDS
      stream=true
    fi
  done
  headers=$(mktemp)
  command curl --no-progress-meter --max-time "$limit" --dump-header "$headers" "$@" || rc=$?
  status=$(awk '/^HTTP\//{ status = $2 } END { print status }' "$headers")
  rm -f "$headers"
  echo "${status:-none} ${BASH_LINENO[0]}" >>"$README_CURL_LOG"
  if [[ -z $status ]]; then
    echo "curl on README.md line ${BASH_LINENO[0]} got no answer (curl exit code $rc)" >&2
    return 1
  fi
  if ((status >= 400)); then
    echo "curl on README.md line ${BASH_LINENO[0]} was answered $status" >&2
    return 22
  fi
  if [[ $stream == true && $rc == 28 ]]; then
    return 0 # the stream answered and ran until the time limit ended it
  fi
  return $rc
}
