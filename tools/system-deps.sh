#!/usr/bin/env bash
# Install the Debian packages lumos needs, only when something is missing: Mesa EGL
# (llvmpipe) to render headless; with --test also what the tests drive: Chromium
# (WebGL2 on SwiftShader), Xvfb with GLX for the GLFW window, the xcb libraries Qt's
# xcb platform loads, poppler (pdftoppm, pdftotext: the PDF tests read files back) and
# ghostscript (gs: the PostScript tests render EPS/PS files back);
# with --bench the peers' needs (Vulkan for fastplotlib; the ffmpeg program for
# matplotlib's movie writer: lumos itself encodes with PyAV).
set -euo pipefail
packages=(libegl1 libegl-mesa0 libgl1-mesa-dri)
if [ "${1:-}" = "--test" ]; then
  packages+=(chromium poppler-utils ghostscript xvfb povray libglx-mesa0 libxcb-icccm4
             libxcb-keysyms1 libxcb-cursor0
             libxkbcommon-x11-0 libxcb-xkb1 libxcb-shape0 libxcb-render-util0 libxcb-image0
             libxcb-randr0 libxcb-xinerama0)
fi
if [ "${1:-}" = "--bench" ]; then
  # fastplotlib renders through Vulkan: Mesa's lavapipe on machines without a GPU
  packages+=(mesa-vulkan-drivers libvulkan1 libxkbcommon0 libfontconfig1 ffmpeg)
fi
need=()
for pkg in "${packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
[ ${#need[@]} -eq 0 ] && exit 0
echo "installing Debian packages: ${need[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
