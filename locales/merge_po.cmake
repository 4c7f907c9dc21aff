# Merges the template POT into every LANG.po in DIR, creating missing ones.
file(GLOB pos ${DIR}/*.po)
foreach(po IN LISTS pos)
  execute_process(COMMAND ${MSGMERGE} --quiet --update --backup=none ${po} ${POT} COMMAND_ERROR_IS_FATAL ANY)
endforeach()
