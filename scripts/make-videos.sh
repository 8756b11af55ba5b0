#!/usr/bin/env bash
# GreenPost 绿岗 — builds the kiosk helmet-education videos from their slide sources.
#
#   scripts/make-videos.sh            # build every video listed in VIDEOS below
#   scripts/make-videos.sh test-short # build only the named video(s); manifest.json is always rewritten
#
# Input : resources/videos/src/<id>.txt  (slide texts + narration; format described in helmet-saves-lives.txt)
# Output: resources/videos/<id>.webm     (VP9 1280x720 @10 fps + Opus 32 kb/s mono)
#         resources/videos/<id>.zh.vtt   (WebVTT captions, Simplified Chinese, timed from the measured narration)
#         resources/videos/manifest.json (id, title, file, captions, durationSec, audience)
#
# Needs: bash, perl, ffmpeg/ffprobe (libvpx-vp9, libopus, drawtext), espeak-ng, fontconfig + fonts-noto-cjk.
#   Debian: apt-get install -y ffmpeg espeak-ng fonts-noto-cjk
# Narration uses the espeak-ng voice "cmn-latn-pinyin" (Mandarin; Latin text read as pinyin). The plain "cmn"
# voice of espeak-ng 1.51 (Debian 12) reads most characters as English letters + tone digits, so it is not used.
# Deterministic: same inputs + same tool versions => byte-identical outputs (single-threaded libvpx, bitexact mux).
set -euo pipefail
export LC_ALL=C.UTF-8

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SRC="$ROOT/resources/videos/src"
OUT="$ROOT/resources/videos"
VIDEOS=(helmet-saves-lives rules-and-crash test-short) # manifest order

VOICE="cmn-latn-pinyin"
SPEED=175        # espeak-ng words per minute (espeak-ng default)
RATE=22050       # espeak-ng output sample rate; every timing below is an integer number of samples
FPS=10
W=1280 H=720
STEP=$((RATE / FPS))      # samples per video frame (2205)
LEAD=$((RATE * 3 / 10))   # silence before the first narration of a slide (0.3 s)
GAP_CLAUSE=0              # after a clause ending in ，：、 (espeak-ng already ends each wav with ~0.3 s of silence)
GAP_SENT=$((RATE / 5))    # extra pause after a sentence (0.2 s)
TAIL=$((RATE * 6 / 10))   # extra silence at the end of a slide (0.6 s)
CAPTION_HOLD=$((RATE * 4 / 10)) # last caption of a slide stays 0.4 s after its speech ends

for tool in perl ffmpeg ffprobe espeak-ng fc-match; do
  command -v "$tool" >/dev/null || { echo "make-videos: missing $tool (apt-get install -y ffmpeg espeak-ng fonts-noto-cjk)" >&2; exit 1; }
done
espeak-ng --voices=cmn | grep -q "$VOICE" || { echo "make-videos: espeak-ng voice $VOICE not found" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/make-videos.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# drawtext's `font=` is a bare fontconfig family, so a private config maps the alias "GreenPost Bold" to
# Noto Sans CJK SC Bold (the Simplified-Chinese face of the .ttc, not the JP default face).
cat >"$WORK/fonts.conf" <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <match target="pattern">
    <test name="family"><string>GreenPost Bold</string></test>
    <edit name="family" mode="assign" binding="strong"><string>Noto Sans CJK SC</string></edit>
    <edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>
  </match>
  <match target="pattern">
    <test name="family"><string>GreenPost Regular</string></test>
    <edit name="family" mode="assign" binding="strong"><string>Noto Sans CJK SC</string></edit>
    <edit name="weight" mode="assign" binding="strong"><const>regular</const></edit>
  </match>
</fontconfig>
EOF
export FONTCONFIG_FILE="$WORK/fonts.conf"
for f in "GreenPost Bold" "GreenPost Regular"; do
  fam="$(fc-match -f '%{family}' "$f")"
  [[ "$fam" == *"Noto Sans CJK SC"* ]] || { echo "make-videos: font '$f' resolves to '$fam'; install fonts-noto-cjk" >&2; exit 1; }
done

# ---------------------------------------------------------------------------------------------------------
# parse <src> <dir>: splits a slide source into files (text files carry no trailing newline):
#   dir/meta.tsv                 key<TAB>value (title, audience, min, theme)
#   dir/sNN/heading.txt          slide heading
#   dir/sNN/bodyK.txt            body lines
#   dir/sNN/cMM.cap / cMM.say    one caption cue and its spoken form (a sentence, or a clause of a long one)
#   dir/sNN/cMM.kind             "sentence" or "clause" (decides the pause after it)
parse() {
  perl -CSD -Mutf8 -e '
    use strict; use warnings;
    my ($src, $dir) = @ARGV;
    my (%meta, @slides);
    open(my $in, "<", $src) or die "cannot read $src\n";
    while (my $l = <$in>) {
      chomp $l; $l =~ s/\s+$//;
      next if $l =~ /^#/ || $l eq "";
      if ($l =~ /^\@(\w+)\s+(.+)$/) { $meta{$1} = $2; }
      elsif ($l =~ /^==\s*(.+)$/)   { push @slides, { heading => $1, body => [], say => "" }; }
      elsif ($l =~ /^-\s*(.+)$/)    { die "$src: body line before first slide\n" unless @slides; push @{$slides[-1]{body}}, $1; }
      elsif ($l =~ /^>\s*(.+)$/)    { die "$src: narration before first slide\n" unless @slides; $slides[-1]{say} .= $1; }
      else { die "$src: cannot parse line: $l\n"; }
    }
    for my $k (qw(title audience min theme)) { die "$src: missing \@$k\n" unless defined $meta{$k}; }
    die "$src: audience must be first|repeat|test\n" unless $meta{audience} =~ /^(first|repeat|test)$/;
    die "$src: title must not contain quotes/backslashes\n" if $meta{title} =~ /["\\]/;
    die "$src: no slides\n" unless @slides;

    sub shown { my $t = shift; $t =~ s/\{([^|}]*)\|([^}]*)\}/$1/g; return $t; }
    sub spoken { my $t = shift; $t =~ s/\{([^|}]*)\|([^}]*)\}/$2/g; return $t; }
    # display width in "CJK character" units (ASCII ~ 0.55 em)
    sub width { my $t = shift; my $w = 0; $w += (ord($_) < 0x2E80 ? 0.55 : 1) for split //, $t; return $w; }
    # split a long sentence at the clause mark closest to its middle until every part fits one caption line
    # (prefer ，： and fall back to the enumeration comma 、)
    my $MAXCAP = 20;
    sub chunks {
      my $s = shift;
      return ($s) if width(shown($s)) <= $MAXCAP;
      my $half = width(shown($s)) / 2;
      for my $marks (qr/[\x{FF0C}\x{FF1A}]/, qr/[\x{3001}]/) {
        my ($best, $bestd);
        while ($s =~ /$marks/g) {
          my $p = pos($s); next if $p >= length($s);
          my $d = abs(width(shown(substr($s, 0, $p))) - $half);
          ($best, $bestd) = ($p, $d) if !defined $bestd || $d < $bestd;
        }
        return (chunks(substr($s, 0, $best)), chunks(substr($s, $best))) if defined $best;
      }
      return ($s);
    }
    sub put { my ($f, $t) = @_; open(my $o, ">", $f) or die "$f: $!\n"; print $o $t; close $o; }

    mkdir $dir or die "$dir: $!\n";
    open(my $m, ">", "$dir/meta.tsv") or die; print $m "$_\t$meta{$_}\n" for sort keys %meta; close $m;
    my $n = 0;
    for my $s (@slides) {
      $n++;
      my $sd = sprintf("%s/s%02d", $dir, $n); mkdir $sd or die;
      my $maxh = $n == 1 ? 11 : 15;  # title slide heading is larger
      die "$src slide $n: heading too wide: $s->{heading}\n" if width($s->{heading}) > $maxh;
      die "$src slide $n: more than 4 body lines\n" if @{$s->{body}} > 4;
      die "$src slide $n: no narration\n" if $s->{say} eq "";
      put("$sd/heading.txt", $s->{heading});
      my $k = 0;
      for my $b (@{$s->{body}}) {
        die "$src slide $n: body line too wide: $b\n" if width($b) > 18;
        put(sprintf("%s/body%d.txt", $sd, ++$k), $b);
      }
      my $c = 0;
      for my $sent ($s->{say} =~ /([^\x{3002}\x{FF01}\x{FF1F}\x{FF1B}]+(?:[\x{3002}\x{FF01}\x{FF1F}\x{FF1B}]+|$))/g) {
        my @parts = chunks($sent);
        for my $i (0 .. $#parts) {
          $c++;
          my $base = sprintf("%s/c%02d", $sd, $c);
          put("$base.cap", shown($parts[$i]));
          put("$base.say", spoken($parts[$i]));
          put("$base.kind", $i == $#parts ? "sentence" : "clause");
        }
      }
    }
  ' "$1" "$2"
}

theme_colors() { # theme -> "background band accent"
  case "$1" in
    green) echo "0x1B5E20 0x0D3311 0xFFD54F" ;;
    blue)  echo "0x0D3B66 0x06213D 0xFFD54F" ;;
    grey)  echo "0x37474F 0x1F2A2F 0xFFD54F" ;;
    *) echo "make-videos: unknown theme $1" >&2; return 1 ;;
  esac
}

gap_after() { # chunk base -> pause (samples) before the next chunk of the same slide
  [[ "$(cat "$1.kind")" == sentence ]] && echo "$GAP_SENT" || echo "$GAP_CLAUSE"
}

samples() { # number of audio samples in a wav (measured with ffprobe)
  ffprobe -v error -select_streams a:0 -show_entries stream=duration_ts -of csv=p=0 "$1"
}

vtt_time() { # samples -> hh:mm:ss.mmm
  local ms=$(( ($1 * 1000 + RATE / 2) / RATE ))
  printf '%02d:%02d:%02d.%03d' $((ms / 3600000)) $((ms / 60000 % 60)) $((ms / 1000 % 60)) $((ms % 1000))
}

secs() { # samples (multiple of STEP) -> seconds with one decimal
  local t=$(( $1 / STEP ))
  printf '%d.%d' $((t / FPS)) $((t % FPS))
}

render_slide() { # dir index count theme -> dir/slide.png
  local d="$1" idx="$2" count="$3" bg band accent
  read -r bg band accent < <(theme_colors "$4")
  local org="$d/org.txt" page="$d/page.txt"
  printf '聊城交警直属二大队 · 市医院岗' >"$org"
  printf '%d / %d' "$idx" "$count" >"$page"
  local dt="expansion=none:fix_bounds=1"
  local f="drawbox=x=0:y=0:w=iw:h=72:color=${band}:t=fill"
  f+=",drawtext=font='GreenPost Regular':$dt:textfile='$org':fontsize=30:fontcolor=0xE8F5E9:x=40:y=19"
  f+=",drawtext=font='GreenPost Regular':$dt:textfile='$page':fontsize=30:fontcolor=0xE8F5E9:x=w-tw-40:y=19"
  local hy hs by bs bstep
  if [[ "$idx" -eq 1 ]]; then hy=160 hs=100 by=350 bs=58 bstep=88   # title slide
  else hy=112 hs=76 by=275 bs=62 bstep=90; fi
  f+=",drawtext=font='GreenPost Bold':$dt:textfile='$d/heading.txt':fontsize=$hs:fontcolor=${accent}:x=(w-tw)/2:y=$hy"
  f+=",drawbox=x=(iw-240)/2:y=$((hy + hs * 13 / 10 + 8)):w=240:h=6:color=${accent}:t=fill"
  local k=0 b
  for b in "$d"/body*.txt; do
    [[ -e "$b" ]] || break
    f+=",drawtext=font='GreenPost Bold':$dt:textfile='$b':fontsize=$bs:fontcolor=white:x=(w-tw)/2:y=$((by + k * bstep))"
    k=$((k + 1))
  done
  ffmpeg -nostdin -v error -y -f lavfi -i "color=c=${bg}:s=${W}x${H}:r=1" -vf "$f" -frames:v 1 "$d/slide.png"
}

build() { # id
  local id="$1" src="$SRC/$1.txt" dir="$WORK/$1"
  [[ -f "$src" ]] || { echo "make-videos: no source $src" >&2; return 1; }
  echo "== $id"
  parse "$src" "$dir"
  local title audience min theme k v
  while IFS=$'\t' read -r k v; do
    case "$k" in title) title="$v" ;; audience) audience="$v" ;; min) min="$v" ;; theme) theme="$v" ;; esac
  done <"$dir/meta.tsv"

  # 1. narration: one wav per caption chunk, measured with ffprobe
  local slides=("$dir"/s[0-9][0-9]) s c
  local n=${#slides[@]}
  declare -A len=()
  for s in "${slides[@]}"; do
    for c in "$s"/c*.say; do
      espeak-ng -v "$VOICE" -s "$SPEED" -w "${c%.say}.wav" -f "$c"
      len["${c%.say}"]="$(samples "${c%.say}.wav")"
    done
  done

  # 2. layout: slide lengths in samples, rounded up to whole video frames; pad evenly up to @min seconds
  local -a slen=()
  local i=0 total=0 t base
  for s in "${slides[@]}"; do
    t=$((LEAD + TAIL))
    local cs=("$s"/c*.say) j
    for ((j = 0; j < ${#cs[@]}; j++)); do
      base="${cs[j]%.say}"
      t=$((t + len[$base]))
      if (( j + 1 < ${#cs[@]} )); then t=$((t + $(gap_after "$base"))); fi
    done
    t=$(( (t + STEP - 1) / STEP * STEP ))
    slen[i]=$t; total=$((total + t)); i=$((i + 1))
  done
  local need=$((min * RATE))
  if (( total < need )); then
    local extra=$(( ( (need - total + n - 1) / n + STEP - 1) / STEP * STEP ))
    for ((i = 0; i < n; i++)); do slen[i]=$((slen[i] + extra)); done
    total=$((total + extra * n))
  fi

  # 3. audio track (raw PCM concatenation: sample-exact), captions, slide images + durations
  local raw="$dir/audio.raw" vtt="$dir/captions.vtt" list="$dir/slides.ffconcat"
  : >"$raw"
  printf 'WEBVTT\n' >"$vtt"
  printf 'ffconcat version 1.0\n' >"$list"
  local start=0 pos cue=0 cstart cend next pcm used
  for ((i = 0; i < n; i++)); do
    s="${slides[i]}"
    render_slide "$s" $((i + 1)) "$n" "$theme"
    printf "file '%s'\nduration %s\n" "$s/slide.png" "$(secs "${slen[i]}")" >>"$list"
    head -c $((LEAD * 2)) /dev/zero >>"$raw"
    pos=$((start + LEAD))
    local chunks=("$s"/c*.say)
    for ((j = 0; j < ${#chunks[@]}; j++)); do
      base="${chunks[j]%.say}"
      ffmpeg -nostdin -v error -i "$base.wav" -f s16le -ac 1 -ar "$RATE" - >>"$raw"
      cstart=$pos
      pos=$((pos + len[$base]))
      if (( j + 1 < ${#chunks[@]} )); then
        pcm=$(gap_after "$base")
        head -c $((pcm * 2)) /dev/zero >>"$raw"
        pos=$((pos + pcm)); cend=$pos          # caption stays up until the next one starts
      else
        cend=$((pos + CAPTION_HOLD))
      fi
      cue=$((cue + 1))
      printf '\n%d\n%s --> %s\n%s\n' "$cue" "$(vtt_time "$cstart")" "$(vtt_time "$cend")" "$(cat "$base.cap")" >>"$vtt"
    done
    used=$((pos - start))
    head -c $(( (slen[i] - used) * 2 )) /dev/zero >>"$raw"
    start=$((start + slen[i]))
  done
  printf "file '%s'\n" "${slides[n - 1]}/slide.png" >>"$list"   # concat demuxer needs the last image repeated
  local bytes; bytes=$(stat -c %s "$raw")
  (( bytes == total * 2 )) || { echo "make-videos: $id audio length mismatch ($bytes != $((total * 2)))" >&2; return 1; }

  # 4. encode: VP9 (static slides compress to almost nothing) + Opus mono
  local tmp="$dir/out.webm"
  ffmpeg -nostdin -v error -y \
    -f concat -safe 0 -i "$list" \
    -f s16le -ar "$RATE" -ac 1 -i "$raw" \
    -map 0:v -map 1:a -t "$(secs "$total")" \
    -vf "fps=$FPS,format=yuv420p" \
    -c:v libvpx-vp9 -b:v 0 -crf 38 -deadline good -cpu-used 4 -g $((FPS * 10)) -threads 2 -row-mt 0 -tile-columns 1 \
    -af "volume=-2dB" -c:a libopus -b:a 32k -ac 1 -ar 48000 \
    -map_metadata -1 -metadata:s:a:0 language=chi -metadata title="$title" \
    -fflags +bitexact -flags:v +bitexact -flags:a +bitexact \
    -f webm "$tmp"
  mv -f "$tmp" "$OUT/$id.webm"
  cp -f "$vtt" "$OUT/$id.zh.vtt"
  printf '   %s slides, %s cues, %s s, %s bytes\n' "$n" "$cue" "$(secs "$total")" "$(stat -c %s "$OUT/$id.webm")"
}

write_manifest() {
  local out="$OUT/manifest.json" first=1 id src title audience dur k v
  {
    printf '[\n'
    for id in "${VIDEOS[@]}"; do
      [[ -f "$OUT/$id.webm" ]] || { echo "make-videos: $OUT/$id.webm missing; build it first" >&2; return 1; }
      src="$SRC/$id.txt"
      title="$(sed -n 's/^@title[[:space:]]\+//p' "$src")"
      audience="$(sed -n 's/^@audience[[:space:]]\+//p' "$src")"
      dur="$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$OUT/$id.webm")"
      dur="$(LC_ALL=C printf '%.1f' "$dur")"
      (( first )) || printf ',\n'
      first=0
      printf '  {\n    "id": "%s",\n    "title": "%s",\n    "file": "%s.webm",\n    "captions": "%s.zh.vtt",\n    "durationSec": %s,\n    "audience": "%s"\n  }' \
        "$id" "$title" "$id" "$id" "$dur" "$audience"
    done
    printf '\n]\n'
  } >"$WORK/manifest.json"
  mv -f "$WORK/manifest.json" "$out"
  echo "== manifest.json written"
}

mkdir -p "$OUT"
if (( $# )); then targets=("$@"); else targets=("${VIDEOS[@]}"); fi
for id in "${targets[@]}"; do build "$id"; done
write_manifest
