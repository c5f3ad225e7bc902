import multiprocessing
from multiprocessing import Pool

print("never printed")
