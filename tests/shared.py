"""Where the project's shared inputs live: ``../shared/`` beside the repository (seeds, real documents).

CI clones the repository with shared/ beside it; ``SANXIANG_SHARED_DIR`` points elsewhere when needed.
"""

import os
from pathlib import Path

SHARED = Path(os.environ.get("SANXIANG_SHARED_DIR", Path(__file__).resolve().parents[2] / "shared"))
SEEDS = SHARED / "seeds"
REAL_DECISIONS = SHARED / "real" / "national-tax-decisions"
