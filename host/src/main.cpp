// Entry point of the jobcenter program.
#include <iostream>

#include "application.hpp"

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    int code = jobcenter::run_application(args, std::cout, std::cerr);
    std::cout.flush();
    return code;
}
