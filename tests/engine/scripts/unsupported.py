import multiprocessing
from multiprocessing import Barrier

print("never printed")
