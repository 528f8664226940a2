"""The SeCTAR networks of `sectar bench nn` in PyTorch: the peer the project's own networks are compared with.

Builds the model `sectar bench nn` builds (waypoint shapes: 2 state numbers, 4 actions, segments of
T = 19 actions and T + 1 states, latent 8; sizes from SectarConfig's `cpu` and `paper` presets) and
times the same four things the same way (NnBench, PpoBench): a VAE+BC training step, a planning call,
a PPO update of the policy decoder, a batch-1 policy forward. Prints one JSON line per measurement
with the keys of the sectar line it compares with, plus "impl", "threads", "omp_wait_policy" and
"repeats".

    python nn_torch.py [--preset cpu|paper|all] [--threads 2]
"""
import argparse
import json
import math
import os
import platform
import statistics
import sys
import time
import warnings

warnings.filterwarnings("ignore", message="Failed to initialize NumPy")  # torch runs without numpy here
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from torch import nn  # noqa: E402

OBS, ACTIONS, T, LATENT = 2, 4, 19, 8
REPEATS = 7  # NnBench.REPEATS and PpoBench.REPEATS

# SectarConfig.cpu() / paper(), and the planning shape NnBench picks per preset
PRESETS = {
    "cpu": dict(enc=64, heads=(32, 32), dec=64, mean=(64, 64), policy=(64, 64), batch=128, C=512, H=5),
    "paper": dict(enc=256, heads=(32, 32), dec=256, mean=(128, 128, 128), policy=(400, 300, 200),
                  batch=300, C=2048, H=10),
}
LR, ADAM_EPS, KL_WEIGHT, BC_WEIGHT, DEC_LOG_STD = 1e-3, 1e-5, 2.0, 100.0, math.log(0.1)
# PpoConfig.sectar(): clip 0.2, GAE 0.99 / 0.95, 10 epochs of minibatch 200, Adam 3e-4 / 1e-5, zero baseline
PPO_CLIP, GAMMA, LAMBDA, EPOCHS, MINIBATCH, PPO_LR = 0.2, 0.99, 0.95, 10, 200, 3e-4
ROLLOUTS = 20  # 20 rollouts of T steps: 380 samples


def relu_mlp(widths):
    """Linear layers with ReLU between them and a linear output (the project's Mlp)."""
    layers = []
    for i, (a, b) in enumerate(zip(widths, widths[1:])):
        if i:
            layers.append(nn.ReLU())
        layers.append(nn.Linear(a, b))
    return nn.Sequential(*layers)


class Vae(nn.Module):
    """Encoder q(z | s_0..s_T), state decoder p(s_1..s_T | s_0, z), policy decoder pi(a | s, z)."""

    def __init__(self, p):
        super().__init__()
        self.encoder = nn.LSTM(OBS, p["enc"], num_layers=2, bidirectional=True, batch_first=True)
        self.mu_head = relu_mlp((2 * p["enc"], *p["heads"], LATENT))
        self.log_sigma_head = relu_mlp((2 * p["enc"], *p["heads"], LATENT))
        self.decoder = nn.LSTMCell(OBS + LATENT, p["dec"])
        self.mean_head = relu_mlp((p["dec"], *p["mean"], OBS))
        self.dec_log_sigma = nn.Parameter(torch.full((OBS,), DEC_LOG_STD))
        self.policy = relu_mlp((OBS + LATENT, *p["policy"], ACTIONS))

    def posterior(self, states):
        """states [B, T+1, OBS] -> mu, log sigma [B, LATENT]: both LSTM layers' outputs, time-mean pooled."""
        pooled = self.encoder(states)[0].mean(dim=1)
        return self.mu_head(pooled), self.log_sigma_head(pooled)

    def decode(self, s0, z):
        """Free-running means mu_1..mu_T [B, T, OBS]: step 0 reads [s_0, z], step t reads [mu_t, z]."""
        h = torch.zeros(s0.shape[0], self.decoder.hidden_size)
        c = torch.zeros_like(h)
        x, means = s0, []
        for _ in range(T):
            h, c = self.decoder(torch.cat((x, z), dim=1), (h, c))
            x = self.mean_head(h)
            means.append(x)
        return torch.stack(means, dim=1)

    def losses(self, states, actions):
        """The training loss NLL/T + 2 KL + 100 BC (batch means) and the step's diagnostics."""
        mu, log_sigma = self.posterior(states)
        z = mu + log_sigma.exp() * torch.randn_like(mu)
        kl = 0.5 * (mu.square() + (2 * log_sigma).exp() - 1 - 2 * log_sigma).sum(dim=1)
        means = self.decode(states[:, 0], z)
        u = (states[:, 1:] - means) / self.dec_log_sigma.exp()
        nll = (0.5 * u.square() + self.dec_log_sigma + 0.5 * math.log(2 * math.pi)).sum(dim=(1, 2)) / T
        # behaviour cloning over all T+1 (state, action) pairs of each segment
        x = torch.cat((states, z.unsqueeze(1).expand(-1, T + 1, -1)), dim=2)
        logits = self.policy(x)
        log_p = F.log_softmax(logits, dim=2).gather(2, actions.unsqueeze(2)).squeeze(2)
        bc = -log_p.mean()
        total = nll.mean() + KL_WEIGHT * kl.mean() + BC_WEIGHT * bc
        with torch.no_grad():  # the diagnostics the project's step reports beside the loss
            mse = (states[:, 1:] - means).square().mean()
            accuracy = (logits.argmax(dim=2) == actions).float().mean()
        return total, mse, accuracy


def median_seconds(fn, warm, inner):
    """NnBench.median: warm * inner untimed calls, then REPEATS timed repeats of inner calls; median s/call."""
    for _ in range(warm * inner):
        fn()
    times = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        for _ in range(inner):
            fn()
        times.append((time.perf_counter() - t0) / inner)
    return statistics.median(times), times


def emit(fields):
    print(json.dumps(fields, separators=(",", ":")), flush=True)


def line(bench, preset, unit, median, extra, tail):
    """A line with sectar's keys in sectar's order, then the peer's own keys."""
    emit({"bench": bench, "preset": preset, "task": "waypoint", **extra, "unit": unit, "median": round(median, 4), **tail})


def train_step(model, preset, batch, tail):
    states = torch.randn(batch, T + 1, OBS)
    actions = torch.randint(0, ACTIONS, (batch, T + 1))
    adam = torch.optim.Adam(model.parameters(), lr=LR, eps=ADAM_EPS)

    def step():
        adam.zero_grad(set_to_none=True)
        total, mse, accuracy = model.losses(states, actions)
        total.backward()
        adam.step()
        return total.item(), mse.item(), accuracy.item()

    med, times = median_seconds(step, warm=3, inner=1)
    line("vae_train_step", preset, "ms", med * 1e3, {}, dict(tail, repeats=ms(times), batch=batch))


def plan_call(model, preset, C, H, tail):
    """Means of C candidates through H chained segments (segment k starts at segment k-1's mu_T), all kept."""
    s0 = torch.randn(C, OBS)
    z = torch.randn(C, H, LATENT)

    def plan():
        with torch.inference_mode():
            s, segments = s0, []
            for k in range(H):
                means = model.decode(s, z[:, k])
                segments.append(means)
                s = means[:, -1]
            return torch.stack(segments, dim=1)  # [C, H, T, OBS], what decodeChain returns

    med, times = median_seconds(plan, warm=1, inner=1)
    line("plan_call", preset, "ms", med * 1e3, {"C": C, "H": H}, dict(tail, repeats=ms(times)))


def zero_baseline_advantages(rewards):
    """GAE with V = 0 over rollouts laid out [ROLLOUTS, T]: A_t = sum_k (gamma lambda)^k r_{t+k}, then normalised."""
    adv = torch.zeros_like(rewards)
    running = torch.zeros(rewards.shape[0])
    for t in range(rewards.shape[1] - 1, -1, -1):
        running = rewards[:, t] + GAMMA * LAMBDA * running
        adv[:, t] = running
    adv = adv.reshape(-1)
    return (adv - adv.mean()) / (adv.std(unbiased=False) + 1e-5)


def ppo_update(model, preset, tail):
    n = ROLLOUTS * T
    policy = model.policy
    x = torch.randn(n, OBS + LATENT)
    with torch.no_grad():
        dist = torch.distributions.Categorical(logits=policy(x))
        a = dist.sample()
        old_log_p = dist.log_prob(a)
    rewards = torch.randn(ROLLOUTS, T)
    adam = torch.optim.Adam(policy.parameters(), lr=PPO_LR, eps=ADAM_EPS)

    def update():
        adv = zero_baseline_advantages(rewards)
        stats = torch.zeros(4)  # loss, kl, entropy, clipped share: what PpoStats reports
        for _ in range(EPOCHS):
            perm = torch.randperm(n)
            for start in range(0, n, MINIBATCH):  # 200 then 180: the last partial minibatch is kept
                rows = perm[start:start + MINIBATCH]
                log_probs = F.log_softmax(policy(x[rows]), dim=1)
                diff = log_probs.gather(1, a[rows].unsqueeze(1)).squeeze(1) - old_log_p[rows]
                ratio = diff.exp()
                loss = -torch.minimum(ratio * adv[rows], ratio.clamp(1 - PPO_CLIP, 1 + PPO_CLIP) * adv[rows]).mean()
                adam.zero_grad(set_to_none=True)
                loss.backward()
                adam.step()
                with torch.no_grad():
                    entropy = -(log_probs.exp() * log_probs).sum(dim=1).mean()
                    clipped = ((ratio < 1 - PPO_CLIP) | (ratio > 1 + PPO_CLIP)).float().mean()
                    stats += torch.stack((loss, -diff.mean(), entropy, clipped))
        return stats.tolist()

    med, times = median_seconds(update, warm=3, inner=1)
    emit({"bench": "ppo_update", "preset": preset, "task": "waypoint", "unit": "ms", "median": round(med * 1e3, 2),
          "repeats": ms(times), "samples": n, "minibatch": MINIBATCH, "epochs": EPOCHS, **tail})


def policy_forward(model, preset, tail):
    """One action's probabilities for one (s, z), built per call as a rollout does."""
    s = torch.tensor([0.3, -1.2])
    z = torch.randn(LATENT)
    sink = [0.0]

    def act():
        with torch.inference_mode():
            sink[0] += F.softmax(model.policy(torch.cat((s, z)).unsqueeze(0)), dim=1)[0, 0].item()

    med, times = median_seconds(act, warm=3, inner=2000)
    line("policy_forward_b1", preset, "us", med * 1e6, {}, dict(tail, repeats=[round(t * 1e6, 3) for t in times]))


def ms(times):
    return [round(t * 1e3, 3) for t in times]


def run(preset, tail):
    p = PRESETS[preset]
    torch.manual_seed(0)
    model = Vae(p)
    train_step(model, preset, p["batch"], tail)
    plan_call(model, preset, p["C"], p["H"], tail)
    ppo_update(model, preset, tail)
    policy_forward(model, preset, tail)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--preset", default="cpu", choices=["cpu", "paper", "all"])
    ap.add_argument("--threads", type=int, default=2, help="intra-op threads (sectar runs its networks on 2)")
    args = ap.parse_args(argv)
    if args.threads < 1:
        ap.error(f"--threads must be >= 1, got {args.threads}")
    torch.set_num_threads(args.threads)
    impl = "pytorch-" + torch.__version__
    wait_policy = os.environ.get("OMP_WAIT_POLICY", "default")
    emit({"bench": "peer_env", "impl": impl, "python": platform.python_version(), "threads": torch.get_num_threads(),
          "omp_wait_policy": wait_policy, "blas": "mkl" if torch.backends.mkl.is_available() else "other",
          "cpu_capability": torch.backends.cpu.get_cpu_capability()})
    for preset in (["cpu", "paper"] if args.preset == "all" else [args.preset]):
        run(preset, {"impl": impl, "threads": torch.get_num_threads(), "omp_wait_policy": wait_policy})


if __name__ == "__main__":
    main(sys.argv[1:])
