return { coefficient = function() return { 1, 2, { nested = true } } end, match = { [true] = 1 } }
