// The icons the shell and menu use, imported one by one (the whole set is large).
export {
  Menu, Bell, SwitchButton, OfficeBuilding, Warning, Tickets, List, Calendar, Setting,
  DataBoard, MapLocation, TrendCharts, Medal, Timer, Message, Upload, Connection, Download,
} from '@element-plus/icons-vue'
