#pragma once
// What only CPython's internal headers tell, read by C code (InterpreterHooks.c): they do not
// compile as C++.

#ifdef __cplusplus
extern "C" {
#endif

// Whether os.register_at_fork() has given the main interpreter any hook, of any kind.
int forkscope_interpreter_fork_hooks(void);

#ifdef __cplusplus
}
#endif
