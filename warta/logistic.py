"""The small logistic models Warta learns (the PARTNERSHIP check, the line check): the
probability a model's weights give a feature vector, and the fit their training scripts
share (full-batch gradient descent, L2 on the weights but not the bias, optionally
class-balanced)."""
from __future__ import annotations

import math

import numpy as np


def probability(weights: list[float], x: list[float]) -> float:
    z = sum(w * v for w, v in zip(weights, x))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fit(X: np.ndarray, y: np.ndarray, steps: int, rate: float, l2: float, balanced: bool = False) -> np.ndarray:
    """Weights for the rows of `X` (the first column the bias) and labels `y` (0 or 1);
    `balanced` weighs each class by the inverse of its share."""
    w = np.zeros(X.shape[1])
    mask = np.r_[0.0, np.ones(X.shape[1] - 1)]
    cw: np.ndarray | float = 1.0
    if balanced:
        pos, neg = max(1.0, y.sum()), max(1.0, len(y) - y.sum())
        cw = np.where(y > 0, len(y) / (2 * pos), len(y) / (2 * neg))
    for _ in range(steps):
        p = 1 / (1 + np.exp(-X @ w))
        w -= rate * (X.T @ (cw * (p - y)) + l2 * mask * w) / len(y)
    return w
