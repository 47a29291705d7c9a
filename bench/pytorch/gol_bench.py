#!/usr/bin/env python3
"""PyTorch reference benchmark for Minima: training throughput of Firner's n-step
Game of Life network (see docs/REFERENCE.md sections 3 and 5).

Network: per GoL step one block
    Conv2d 3x3 (C_in -> 2m, padding=1, zero padding) -> ReLU
    -> Conv2d 1x1 (2m -> m) -> ReLU -> Conv2d 1x1 (m -> 1) -> ReLU
n blocks stacked, C_in = 1; the last block's final ReLU is replaced by a sigmoid.
PyTorch default initialisation.

Loss: binary cross-entropy averaged over all cells, computed with
torch.nn.BCEWithLogitsLoss on the last block's final pre-activation (the sigmoid
is folded into the loss; mathematically identical to BCELoss(sigmoid(z)), but
numerically stable). Optimiser: Adam lr 1e-3 (betas 0.9/0.999, eps 1e-8).

Data: random size x size boards, cells alive with p = 0.5, targets = n steps of the
von Neumann Game of Life (alive next iff N == 3 or (alive and N == 2), N counting the
4 orthogonal neighbours, dead boundary). A pool of boards and targets is generated
on the torch side BEFORE timing and cycled through; data generation is not timed.

Only forward + backward + optimizer step are timed. The timed run is split into
--windows windows; the reported samples_per_s is the median over windows.

Output: one machine-readable line starting with "RESULT " on stdout.
"""
import argparse
import os
import platform
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

VON_NEUMANN = torch.tensor([[0., 1., 0.],
                            [1., 0., 1.],
                            [0., 1., 0.]]).view(1, 1, 3, 3)


def gol_step(boards: torch.Tensor) -> torch.Tensor:
    """One von Neumann B3/S23 step with dead boundary. boards: (B,1,H,W) float 0/1."""
    n = F.conv2d(boards, VON_NEUMANN.to(boards.dtype), padding=1)
    alive = boards > 0.5
    nxt = (n == 3) | (alive & (n == 2))
    return nxt.to(boards.dtype)


def gol_step_reference(board):
    """Plain-Python reference (list of lists of 0/1) used for a self-check."""
    h, w = len(board), len(board[0])
    out = [[0] * w for _ in range(h)]
    for i in range(h):
        for j in range(w):
            n = 0
            for di, dj in ((-1, 0), (1, 0), (0, -1), (0, 1)):
                a, b = i + di, j + dj
                if 0 <= a < h and 0 <= b < w:
                    n += board[a][b]
            out[i][j] = 1 if (n == 3 or (board[i][j] == 1 and n == 2)) else 0
    return out


def self_check(gen: torch.Generator) -> None:
    b = (torch.rand(4, 1, 7, 9, generator=gen) < 0.5).float()
    got = gol_step(b)
    for k in range(b.shape[0]):
        ref = gol_step_reference(b[k, 0].int().tolist())
        if got[k, 0].int().tolist() != ref:
            raise SystemExit("self-check failed: torch GoL step disagrees with reference")
    # the all-5-cell von Neumann patterns (2^5) for the centre cell
    for mask in range(32):
        c, up, down, left, right = [(mask >> i) & 1 for i in range(5)]
        board = [[0, up, 0], [left, c, right], [0, down, 0]]
        nb = up + down + left + right
        expect = 1 if (nb == 3 or (c == 1 and nb == 2)) else 0
        t = torch.tensor(board, dtype=torch.float32).view(1, 1, 3, 3)
        if int(gol_step(t)[0, 0, 1, 1]) != expect:
            raise SystemExit("self-check failed on von Neumann pattern %d" % mask)


def build_model(n: int, m: int) -> nn.Sequential:
    layers = []
    c_in = 1
    for step in range(n):
        layers += [nn.Conv2d(c_in, 2 * m, kernel_size=3, padding=1),  # zero padding
                   nn.ReLU(),
                   nn.Conv2d(2 * m, m, kernel_size=1),
                   nn.ReLU(),
                   nn.Conv2d(m, 1, kernel_size=1)]
        if step < n - 1:
            layers.append(nn.ReLU())
        # last block: no ReLU; the sigmoid is inside BCEWithLogitsLoss
        c_in = 1
    return nn.Sequential(*layers)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--steps", "-n", type=int, default=1, help="GoL steps n (blocks)")
    ap.add_argument("--width", "-m", type=int, default=1, help="width factor m")
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--size", type=int, default=10, help="board side length")
    ap.add_argument("--density", type=float, default=0.5, help="live-cell probability p")
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--seconds", type=float, default=None,
                   help="timed duration in seconds (default 10)")
    g.add_argument("--batches", type=int, default=None,
                   help="timed number of batches (instead of --seconds)")
    ap.add_argument("--windows", type=int, default=5,
                    help="number of timed windows; the median is reported")
    ap.add_argument("--warmup", type=int, default=50, help="untimed warm-up batches")
    ap.add_argument("--threads", type=int, default=1, help="torch.set_num_threads")
    ap.add_argument("--pool", type=int, default=64,
                    help="pre-generated batches in the data pool (cycled)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start-at", type=float, default=None,
                    help="wall-clock epoch seconds at which to start timing (after warm-up); "
                         "used by run.sh to make concurrent processes' timed windows overlap")
    ap.add_argument("--tag", default="", help="free text copied into the RESULT line")
    args = ap.parse_args()
    if args.seconds is None and args.batches is None:
        args.seconds = 10.0
    if args.windows < 1 or args.steps < 1 or args.width < 1:
        ap.error("--windows, --steps and --width must be >= 1")

    torch.set_num_threads(args.threads)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass
    torch.manual_seed(args.seed)
    gen = torch.Generator().manual_seed(args.seed + 1000)

    self_check(gen)

    # ---- data pool (untimed) ----
    shape = (args.pool * args.batch, 1, args.size, args.size)
    boards = (torch.rand(shape, generator=gen) < args.density).float()
    targets = boards
    for _ in range(args.steps):
        targets = gol_step(targets)
    xs = [boards[i * args.batch:(i + 1) * args.batch].contiguous() for i in range(args.pool)]
    ys = [targets[i * args.batch:(i + 1) * args.batch].contiguous() for i in range(args.pool)]

    model = build_model(args.steps, args.width)
    n_params = sum(p.numel() for p in model.parameters())
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-8)
    loss_fn = nn.BCEWithLogitsLoss()  # mean over all cells

    k = 0

    def train_batch():
        nonlocal k
        x, y = xs[k], ys[k]
        k = (k + 1) % args.pool
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
        return loss

    for _ in range(args.warmup):
        train_batch()

    if args.start_at is not None:
        delay = args.start_at - time.time()
        if delay > 0:
            time.sleep(delay)
        else:
            print("warning: start-at already passed by %.2f s" % -delay, file=sys.stderr)

    rates = []
    total_batches = 0
    loss = None
    perf = time.perf_counter
    if args.batches is not None:
        per_window = max(1, args.batches // args.windows)
        for _ in range(args.windows):
            t0 = perf()
            for _ in range(per_window):
                loss = train_batch()
            dt = perf() - t0
            rates.append(per_window * args.batch / dt)
            total_batches += per_window
    else:
        win = args.seconds / args.windows
        for _ in range(args.windows):
            cnt = 0
            t0 = perf()
            end = t0 + win
            while True:
                loss = train_batch()
                cnt += 1
                now = perf()
                if now >= end:
                    break
            dt = now - t0
            rates.append(cnt * args.batch / dt)
            total_batches += cnt

    med = statistics.median(rates)
    fields = [
        "framework=pytorch",
        "torch=%s" % torch.__version__,
        "python=%s" % platform.python_version(),
        "n=%d" % args.steps,
        "m=%d" % args.width,
        "params=%d" % n_params,
        "batch=%d" % args.batch,
        "size=%d" % args.size,
        "threads=%d" % args.threads,
        "windows=%d" % args.windows,
        "timed_batches=%d" % total_batches,
        "samples_per_s=%.1f" % med,
        "min_samples_per_s=%.1f" % min(rates),
        "max_samples_per_s=%.1f" % max(rates),
        "final_loss=%.5f" % float(loss),
        "pid=%d" % os.getpid(),
    ]
    if args.tag:
        fields.append("tag=%s" % args.tag.replace(" ", "_"))
    print("RESULT " + " ".join(fields), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
