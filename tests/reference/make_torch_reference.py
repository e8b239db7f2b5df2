#!/usr/bin/python3
"""Records reference trajectories from torch.optim (PyTorch 1.13, float64) for TorchParityTests.

Run from the repository root with Debian's interpreter (python3-torch):
    /usr/bin/python3 tests/reference/make_torch_reference.py
It writes tests/GdNotebooks.Tests/Fixtures/torch_reference.json: one case per line, each with the specs the C#
side parses (optimizer, schedule), the base lr, the problem and start, the lr torch used at every update, and
the parameters after every update (row 0 = start). Floats are written with Python's round-trip repr.

Protocol per update k = 0..199 (the order GdNotebooks.Training.GradientDescent and Optimizer use):
    lr_k = optimizer.param_groups[0]['lr']; loss.backward() on the full problem;
    gradient centralization (rows of matrix tensors made zero-mean), clip_grad_value_, clip_grad_norm_ (when asked);
    optimizer.step(); scheduler.step().
Newton has no torch.optim class: w <- w - lr * solve(hessian(f)(w) + damping*I, grad), with
torch.autograd.functional.hessian and torch.linalg.solve. Warmup n is SequentialLR([LinearLR(start_factor=1/n,
end_factor=1, total_iters=n-1), inner], milestones=[n]) with the inner schedule built for the remaining steps.
OneCycleLR is built with cycle_momentum=False (GdNotebooks schedules only set the learning rate).

Learning rates are chosen so that every trajectory stays finite, moves, and is not chaotic: where an adaptive
method keeps bouncing near a minimum (Adam at a large constant lr, centered RMSprop with vanishing gradients),
rounding differences of 1e-16 grow exponentially and no two implementations agree, so those settings are avoided.
"""
import json
import math
import os
import warnings

import torch

warnings.filterwarnings("ignore")
torch.set_default_dtype(torch.float64)
STEPS = 200
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "GdNotebooks.Tests", "Fixtures", "torch_reference.json")


# ---------------------------------------------------------------- spec strings (the project's grammar, simple subset)
def parse_value(text):
    text = text.strip()
    if text.startswith("["):
        inner = text[1:-1].strip()
        return [parse_value(t) for t in inner.split(",")] if inner else []
    if text in ("true", "false"):
        return text == "true"
    try:
        number = float(text)
        return int(number) if number == int(number) and "." not in text and "e" not in text else number
    except ValueError:
        return text


def parse_spec(text):
    name, _, rest = text.partition(":")
    args, depth, current = {}, 0, ""
    for ch in rest + ",":
        if ch == "," and depth == 0:
            if current.strip():
                key, _, value = current.partition("=")
                args[key.strip()] = parse_value(value)
            current = ""
            continue
        depth += ch == "["
        depth -= ch == "]"
        current += ch
    return name, args


# ---------------------------------------------------------------- problems
LSQ_X = [[0.5, -1.0, 2.0], [1.5, 0.25, -0.5], [-0.75, 1.25, 1.0], [2.0, -0.5, 0.75], [0.25, 1.75, -1.5], [-1.25, -0.25, 0.5]]
LSQ_Y = [[1.0, -0.5], [0.25, 1.5], [-1.0, 0.75], [2.0, 0.0], [-0.5, 1.0], [0.5, -1.25]]
LSQ_INIT = [0.5, -0.3, 0.8, -0.2, 0.4, 0.1, 0.1, -0.1]  # W (2x3, row-major) then b (2)


def make_problem(name):
    """Returns (parameter tensors, loss function of those tensors, flat loss function for Hessians)."""
    if name == "rosenbrock":
        shapes, init = [(2,)], [-1.5, 2.0]

        def loss(w):
            return (1 - w[0]) ** 2 + 100 * (w[1] - w[0] ** 2) ** 2
    elif name == "quadratic:a=[1,10,100]":
        shapes, init = [(3,)], [1.0, 1.0, 1.0]
        a = torch.tensor([1.0, 10.0, 100.0])

        def loss(w):
            return 0.5 * (a * w * w).sum()
    elif name == "least_squares":
        shapes, init = [(2, 3), (2,)], LSQ_INIT
        x, y = torch.tensor(LSQ_X), torch.tensor(LSQ_Y)

        def loss(weight, bias):
            residual = x @ weight.T + bias - y
            return (residual * residual).sum() / (2 * x.shape[0])
    else:
        raise ValueError(name)
    params, offset = [], 0
    for shape in shapes:
        size = math.prod(shape)
        params.append(torch.tensor(init[offset:offset + size]).reshape(shape).requires_grad_(True))
        offset += size

    def flat_loss(flat):
        pieces, offset = [], 0
        for shape in shapes:
            size = math.prod(shape)
            pieces.append(flat[offset:offset + size].reshape(shape))
            offset += size
        return loss(*pieces)

    return params, lambda: loss(*params), flat_loss, init


# ---------------------------------------------------------------- optimizers
class NewtonReference(torch.optim.Optimizer):
    """w <- w - lr * (H + damping I)^-1 g over all parameters as one flat vector."""

    def __init__(self, params, lr, damping, flat_loss):
        super().__init__(params, dict(lr=lr, damping=damping))
        self.flat_loss = flat_loss

    @torch.no_grad()
    def step(self):
        group = self.param_groups[0]
        params = group["params"]
        flat = torch.cat([p.detach().reshape(-1) for p in params])
        grad = torch.cat([p.grad.reshape(-1) for p in params])
        with torch.enable_grad():
            hessian = torch.autograd.functional.hessian(self.flat_loss, flat)
        direction = torch.linalg.solve(hessian + group["damping"] * torch.eye(len(flat)), grad)
        offset = 0
        for p in params:
            p.sub_(group["lr"] * direction[offset:offset + p.numel()].reshape(p.shape))
            offset += p.numel()


def make_optimizer(spec, params, lr, flat_loss):
    name, args = parse_spec(spec)
    extras = {key: args.pop(key) for key in ("clip_norm", "clip_value", "centralize") if key in args}
    if name in ("adam", "adamw"):
        args["betas"] = (args.pop("beta1", 0.9), args.pop("beta2", 0.999))
    classes = dict(sgd=torch.optim.SGD, adagrad=torch.optim.Adagrad, rmsprop=torch.optim.RMSprop,
                   adam=torch.optim.Adam, adamw=torch.optim.AdamW)
    if name == "newton":
        return NewtonReference(params, lr, args.pop("damping", 0.0), flat_loss), extras
    return classes[name](params, lr=lr, **args), extras


# ---------------------------------------------------------------- schedules
def make_inner_scheduler(name, args, opt, total, lr):
    S = torch.optim.lr_scheduler
    if name == "constant":
        return S.LambdaLR(opt, lambda k: 1.0)
    if name == "step":
        return S.StepLR(opt, step_size=args["step_size"], gamma=args.get("gamma", 0.1))
    if name == "multistep":
        return S.MultiStepLR(opt, milestones=args["milestones"], gamma=args.get("gamma", 0.1))
    if name == "exponential":
        return S.ExponentialLR(opt, gamma=args["gamma"])
    if name == "cosine":
        return S.CosineAnnealingLR(opt, T_max=args.get("t_max", total), eta_min=args.get("eta_min", 0.0))
    if name == "warm_restarts":
        return S.CosineAnnealingWarmRestarts(opt, T_0=args["t_0"], T_mult=args.get("t_mult", 1), eta_min=args.get("eta_min", 0.0))
    if name == "linear":
        return S.LinearLR(opt, start_factor=args.get("start_factor", 1.0 / 3), end_factor=args.get("end_factor", 1.0),
                          total_iters=args.get("total_iters", 5))
    if name == "onecycle":
        return S.OneCycleLR(opt, max_lr=args.get("max_lr", lr), total_steps=args.get("total_steps", total),
                            pct_start=float(args.get("pct_start", 0.3)), anneal_strategy=args.get("anneal", "cos"),
                            div_factor=args.get("div_factor", 25.0), final_div_factor=args.get("final_div_factor", 1e4),
                            cycle_momentum=False)
    raise ValueError(name)


def make_scheduler(spec, opt, total, lr):
    name, args = parse_spec(spec)
    warmup = args.pop("warmup", 0)
    if warmup == 0:
        return None if name == "constant" else make_inner_scheduler(name, args, opt, total, lr)
    S = torch.optim.lr_scheduler
    ramp = S.LinearLR(opt, start_factor=1.0 / warmup, end_factor=1.0, total_iters=warmup - 1)
    inner = make_inner_scheduler(name, args, opt, total - warmup, lr)
    return S.SequentialLR(opt, [ramp, inner], milestones=[warmup])


# ---------------------------------------------------------------- one run
def run(problem, optimizer, schedule, lr):
    params, loss_fn, flat_loss, init = make_problem(problem)
    opt, extras = make_optimizer(optimizer, params, lr, flat_loss)
    scheduler = make_scheduler(schedule, opt, STEPS, lr)
    rows, lrs = [list(init)], []
    for _ in range(STEPS):
        lrs.append(opt.param_groups[0]["lr"])
        opt.zero_grad()
        loss_fn().backward()
        if extras.get("centralize"):
            for p in params:
                if p.dim() > 1:
                    p.grad -= p.grad.mean(dim=1, keepdim=True)
        if "clip_value" in extras:
            torch.nn.utils.clip_grad_value_(params, extras["clip_value"])
        if "clip_norm" in extras:
            torch.nn.utils.clip_grad_norm_(params, extras["clip_norm"])
        opt.step()
        if scheduler is not None:
            scheduler.step()
        rows.append(torch.cat([p.detach().reshape(-1) for p in params]).tolist())
    return dict(problem=problem, init=init, optimizer=optimizer, schedule=schedule, lr=lr, lrs=lrs, parameters=rows)


# ---------------------------------------------------------------- cases
R, Q, L = "rosenbrock", "quadratic:a=[1,10,100]", "least_squares"
OPTIMIZER_CASES = {
    # spec: (lr on rosenbrock, lr on the quadratic)
    "sgd": (5e-4, 0.015),
    "sgd:momentum=0.9": (1e-4, 0.01),
    "sgd:momentum=0.9,dampening=0.5": (2e-4, 0.01),
    "sgd:momentum=0.9,nesterov=true": (1e-4, 0.01),
    "sgd:weight_decay=0.1": (5e-4, 0.015),
    "sgd:momentum=0.5,nesterov=true,weight_decay=0.01": (3e-4, 0.012),
    "adagrad": (0.1, 0.3),
    "adagrad:lr_decay=0.01": (0.1, 0.3),
    "adagrad:initial_accumulator_value=0.1": (0.1, 0.3),
    "adagrad:weight_decay=0.1": (0.1, 0.3),
    "adagrad:lr_decay=0.001,eps=1e-6,initial_accumulator_value=0.5,weight_decay=0.01": (0.2, 0.5),
    "rmsprop": (0.01, 0.01),
    "rmsprop:centered=true": (0.01, 0.01),
    "rmsprop:momentum=0.9": (0.001, 0.002),
    "rmsprop:momentum=0.5,centered=true": (0.003, 0.005),
    "rmsprop:weight_decay=0.1": (0.01, 0.01),
    "rmsprop:alpha=0.9,eps=1e-6": (0.01, 0.01),
    "adam": (0.05, 0.05),
    "adam:amsgrad=true": (0.05, 0.05),
    "adam:weight_decay=0.1": (0.05, 0.05),
    "adam:beta1=0.5,beta2=0.9,eps=1e-6": (0.05, 0.05),
    "adam:weight_decay=0.01,amsgrad=true": (0.05, 0.05),
    "adamw": (0.05, 0.05),
    "adamw:amsgrad=true": (0.05, 0.05),
    "adamw:weight_decay=0.1": (0.05, 0.05),
    "newton": (1.0, 0.5),
    "newton:damping=1": (1.0, 0.5),
    "sgd:clip_norm=1": (0.01, 0.015),
    "sgd:momentum=0.9,clip_value=1": (0.001, 0.01),
    "adam:clip_norm=0.5": (0.01, 0.05),  # at lr=0.05 Adam reaches the valley floor and bounces chaotically
    "rmsprop:clip_value=0.5": (0.01, 0.01),
    "newton:clip_norm=10": (1.0, 0.5),
}
LEAST_SQUARES_CASES = {
    "sgd": 0.1,
    "sgd:centralize=true": 0.1,
    "sgd:clip_norm=0.5": 0.1,
    "sgd:momentum=0.9,clip_norm=1,centralize=true": 0.05,
    "adam:centralize=true": 0.02,
    "adamw:clip_value=0.2,centralize=true": 0.02,
    # centered RMSprop divides by sqrt(E[g^2] - E[g]^2): as the centralized gradient vanishes that difference is
    # pure rounding noise and trajectories of any two implementations part exponentially; a large eps bounds it.
    "rmsprop:eps=0.01,centered=true,centralize=true": 0.005,
    "newton:damping=0.1": 0.5,
}
SCHEDULE_CASES = [
    "step:step_size=30,gamma=0.5",
    "multistep:milestones=[50,120,170],gamma=0.3",
    "exponential:gamma=0.98",
    "cosine",
    "cosine:t_max=50,eta_min=0.001",
    "warm_restarts:t_0=20,t_mult=2,eta_min=0.0001",
    "warm_restarts:t_0=30",
    "linear",
    "linear:start_factor=0.25,end_factor=0.5,total_iters=50",
    "onecycle",
    "onecycle:max_lr=0.04,pct_start=0.25,div_factor=10,final_div_factor=100",
    "onecycle:anneal=linear",
    "constant:warmup=25",
    "cosine:warmup=20",
    "step:step_size=40,gamma=0.5,warmup=10",
    "exponential:gamma=0.99,warmup=5",
    "warm_restarts:t_0=25,eta_min=0.001,warmup=15",
]


def all_cases():
    for spec, (lr_r, lr_q) in OPTIMIZER_CASES.items():
        yield R, spec, "constant", lr_r
        yield Q, spec, "constant", lr_q
    for spec, lr in LEAST_SQUARES_CASES.items():
        yield L, spec, "constant", lr
    for schedule in SCHEDULE_CASES:
        yield Q, "sgd", schedule, 0.015
        yield Q, "adam", schedule, 0.05
    for schedule in ("cosine", "warm_restarts:t_0=20,t_mult=2", "onecycle", "step:step_size=30,gamma=0.5,warmup=10"):
        yield R, "sgd:momentum=0.9", schedule, 1e-4


def main():
    cases = []
    for problem, optimizer, schedule, lr in all_cases():
        case = run(problem, optimizer, schedule, lr)
        rows = case["parameters"]
        if not all(math.isfinite(v) for row in rows for v in row):
            raise SystemExit(f"non-finite trajectory: {problem} {optimizer} {schedule} lr={lr}")
        moved = max(abs(a - b) for a, b in zip(rows[0], rows[-1]))
        case["name"] = f"{problem} | {optimizer} | {schedule} | lr={lr}"
        cases.append(case)
        print(f"{case['name']:95s} moved {moved:.3g}  final {[round(v, 4) for v in rows[-1]]}")
    document = dict(
        source=f"torch {torch.__version__}, float64, {STEPS} steps, tests/reference/make_torch_reference.py",
        least_squares=dict(x=LSQ_X, y=LSQ_Y, blocks=[["weight", 0, 2, 3], ["bias", 6, 2, 1]]),
        cases=cases)
    with open(OUT, "w") as f:
        f.write("{\n")
        for key in ("source", "least_squares"):
            f.write(f"{json.dumps(key)}: {json.dumps(document[key])},\n")
        f.write('"cases": [\n')
        f.write(",\n".join(json.dumps(case, separators=(",", ":")) for case in cases))
        f.write("\n]\n}\n")
    print(f"{len(cases)} cases -> {os.path.normpath(OUT)} ({os.path.getsize(OUT) / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
