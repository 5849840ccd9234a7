# The Debian package (`cpack -G DEB` in the build folder, or the `package` target): everything `cmake --install`
# writes, under /usr, plus what only the package carries (component debian, left out of a plain install): the
# systemd unit, the example config in /etc/jobcenter, the maintainer scripts, copyright, changelog, docs.
set(JOBCENTER_PACKAGING ${CMAKE_SOURCE_DIR}/packaging)

install(FILES ${JOBCENTER_PACKAGING}/jobcenter.service DESTINATION /lib/systemd/system
        COMPONENT debian EXCLUDE_FROM_ALL)
install(FILES ${JOBCENTER_PACKAGING}/jobcenter.conf DESTINATION /etc/jobcenter
        PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ COMPONENT debian EXCLUDE_FROM_ALL)
install(FILES ${JOBCENTER_PACKAGING}/copyright docs/admin.md docs/c-api.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT debian EXCLUDE_FROM_ALL)
# Debian wants the changelog and the manual page compressed with gzip -9n (no name, no time: reproducible).
install(CODE "
  foreach(pair \"changelog;${CMAKE_INSTALL_DOCDIR}/changelog.gz\" \"jobcenter.1;${CMAKE_INSTALL_MANDIR}/man1/jobcenter.1.gz\")
    list(GET pair 0 source)
    list(GET pair 1 target)
    set(target \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/\${target}\")
    get_filename_component(folder \${target} DIRECTORY)
    file(MAKE_DIRECTORY \${folder})
    message(STATUS \"Installing: \${target}\")
    execute_process(COMMAND gzip -9n -c ${JOBCENTER_PACKAGING}/\${source} OUTPUT_FILE \${target} COMMAND_ERROR_IS_FATAL ANY)
  endforeach()" COMPONENT debian EXCLUDE_FROM_ALL)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME jobcenter)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Jobcenter maintainers <maintainers@jobcenter.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "employer register, work matching and pricing for work-activity units")
# The extended description: CPack puts the summary above it and indents it; an empty line becomes " .".
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Jobcenter serves the work-activity units of a city: a shared register of the
employers that order work (deduplicated across units, with one contact log),
the matching of work orders to worker-clients, and pricing and payroll.

The package holds the jobcenter program with its plugins, schema and default
scripts, the HTTP API and review page (jobcenter serve, run by the
jobcenter.service unit as the system user jobcenter) and the C API for a CRM
(libjobcenter.so.1, jobcenter/jobcenter.h, pkg-config jobcenter).")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS ${CMAKE_BINARY_DIR})
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser")
# shlibs names the two public libraries only (CPack's own would try every plugin module too).
configure_file(${JOBCENTER_PACKAGING}/debian/shlibs.in ${CMAKE_BINARY_DIR}/packaging/shlibs @ONLY)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${JOBCENTER_PACKAGING}/debian/postinst ${JOBCENTER_PACKAGING}/debian/prerm ${JOBCENTER_PACKAGING}/debian/postrm
    ${JOBCENTER_PACKAGING}/debian/conffiles ${JOBCENTER_PACKAGING}/debian/triggers ${CMAKE_BINARY_DIR}/packaging/shlibs)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)
# One package holding both components: the files of a plain install and those of the package only.
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
set(CPACK_COMPONENTS_ALL Unspecified debian)
include(CPack)
