"""python -m resdraft"""

from resdraft.cli import main

main()
