#pragma once

#include <expected>
#include <utility>

// Error propagation for the state machine, where almost every step reads the state and can fail.

// `target = *expression`, or return the expression's error from the enclosing function (which
// returns some Result<...>).
#define LS_EXEC_TRY(target, expression)                                                            \
    do {                                                                                           \
        auto lsExecValue = (expression);                                                           \
        if (!lsExecValue)                                                                          \
            return std::unexpected(std::move(lsExecValue.error()));                                \
        (target) = std::move(*lsExecValue);                                                        \
    } while (false)

// Returns the error of a Result<void> expression from the enclosing function.
#define LS_EXEC_CHECK(expression)                                                                  \
    do {                                                                                           \
        auto lsExecStatus = (expression);                                                          \
        if (!lsExecStatus)                                                                         \
            return std::unexpected(std::move(lsExecStatus.error()));                               \
    } while (false)
