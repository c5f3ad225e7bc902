# Six lines, of which 1 is a comment and 2 is blank.

import time

time.sleep(0.1)
print("done")
