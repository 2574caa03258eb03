"""
From matplotlib in one line
===========================

Placeholder.
"""

import numpy as np

import lumos.pyplot as plt

x = np.linspace(0, 10, 200)
plt.plot(x, np.sin(x))
