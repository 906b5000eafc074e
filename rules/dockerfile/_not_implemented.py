"""hadolint rules of DL3000-DL3033 that k8slint deliberately does not implement.

- DL3005 "Do not use apt-get upgrade or dist-upgrade", DL3017 "Do not use apk upgrade" and
  DL3031 "Do not use yum update": hadolint removed all three (they are no longer in its
  rule set, `Hadolint/Process.hs`), following Docker's own best-practice guide, which now
  recommends upgrading the packages of the base image to pick up security fixes that the
  image maintainers have not released yet. Flagging an upgrade would push users towards
  images with known vulnerabilities, so no rule carries these aliases; a `# hadolint
  ignore=DL3005` pragma is accepted and simply has nothing to suppress.
- DL3002, DL3006 and DL3007 are implemented as DF003 root-final-user, DF002
  untagged-base-image and DF001 latest-base-image.
"""
